/**
 * What the sync engine remembers between runs, kept in the store's `_local` documents (never
 * replicated, https://docs.couchdb.org/en/stable/api/local.html):
 *
 * - `_local/clinic-sync-state`: the local sequence pushed so far (for the pending-changes count;
 *   PouchDB's own checkpoints decide where a run resumes), the last success, the last error.
 * - `_local/clinic-sync-history`: the most recent runs, newest first, bounded.
 */
import type { DocumentStoreApi } from '../../db/store/types';
import type { SyncError } from './errors';
import type { SyncTrigger } from './schedule';

export interface SyncStateRecord {
  readonly pushedSeq: number;
  readonly lastSuccessAt: string | null;
  readonly lastRunAt: string | null;
  readonly lastError: SyncError | null;
}

export interface SyncRunRecord {
  readonly id: string;
  readonly trigger: SyncTrigger;
  readonly startedAt: string;
  readonly endedAt: string;
  readonly outcome: 'ok' | 'error' | 'cancelled';
  /** Documents written locally from the clinic's county database. */
  readonly pulled: number;
  /** Documents written to the county. */
  readonly pushed: number;
  /** Reference documents written locally. */
  readonly referencePulled: number;
  /** Documents the county refused one by one (first few kept). */
  readonly denied: ReadonlyArray<{ readonly id: string; readonly reason: string }>;
  readonly deniedCount: number;
  /**
   * Documents the county sent that failed the boundary checks (incoming-check.ts): kept aside, not
   * written; the rest of the pull went on. First few kept; all of them in refused-documents.ts.
   */
  readonly refused?: ReadonlyArray<{ readonly id: string; readonly rev: string; readonly reason: string; readonly code: 'SYNC_BAD_RESPONSE' }>;
  readonly refusedCount?: number;
  readonly error: SyncError | null;
  /** The reference pull failed but the clinic's own data went through. */
  readonly referenceError: SyncError | null;
}

const STATE_ID = '_local/clinic-sync-state';
const HISTORY_ID = '_local/clinic-sync-history';
export const HISTORY_LIMIT = 100;

const EMPTY_STATE: SyncStateRecord = { pushedSeq: 0, lastSuccessAt: null, lastRunAt: null, lastError: null };

export function readSyncState(store: DocumentStoreApi): SyncStateRecord {
  const doc = store.getLocal(STATE_ID);
  if (!doc) return EMPTY_STATE;
  return {
    pushedSeq: typeof doc.pushedSeq === 'number' ? doc.pushedSeq : 0,
    lastSuccessAt: typeof doc.lastSuccessAt === 'string' ? doc.lastSuccessAt : null,
    lastRunAt: typeof doc.lastRunAt === 'string' ? doc.lastRunAt : null,
    lastError: (doc.lastError as SyncError | null | undefined) ?? null,
  };
}

export function writeSyncState(store: DocumentStoreApi, patch: Partial<SyncStateRecord>): SyncStateRecord {
  const current = store.getLocal(STATE_ID);
  const next: SyncStateRecord = { ...readSyncState(store), ...patch };
  store.putLocal({ _id: STATE_ID, ...(current ? { _rev: current._rev } : {}), ...next });
  return next;
}

export function readRunHistory(store: DocumentStoreApi): SyncRunRecord[] {
  const doc = store.getLocal(HISTORY_ID);
  return Array.isArray(doc?.runs) ? (doc.runs as SyncRunRecord[]) : [];
}

export function appendRunHistory(store: DocumentStoreApi, run: SyncRunRecord, limit = HISTORY_LIMIT): void {
  const current = store.getLocal(HISTORY_ID);
  const runs = [run, ...readRunHistory(store)].slice(0, limit);
  store.putLocal({ _id: HISTORY_ID, ...(current ? { _rev: current._rev } : {}), runs });
}
