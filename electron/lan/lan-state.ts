/**
 * What the live replication remembers across restarts, in a `_local` document (never replicated):
 * the local sequence the endpoint has confirmed (for the pending count; PouchDB's checkpoints decide
 * where replication resumes), when the endpoint last answered and last sent a document.
 */
import type { DocumentStoreApi } from '../../db/store/types';

export interface LanStateRecord {
  readonly pushedSeq: number;
  readonly lastReceivedAt: string | null;
  readonly lastContactAt: string | null;
}

const STATE_ID = '_local/clinic-lan-state';
const EMPTY: LanStateRecord = { pushedSeq: 0, lastReceivedAt: null, lastContactAt: null };

export function readLanState(store: DocumentStoreApi): LanStateRecord {
  const doc = store.getLocal(STATE_ID);
  if (!doc) return EMPTY;
  return {
    pushedSeq: typeof doc.pushedSeq === 'number' ? doc.pushedSeq : 0,
    lastReceivedAt: typeof doc.lastReceivedAt === 'string' ? doc.lastReceivedAt : null,
    lastContactAt: typeof doc.lastContactAt === 'string' ? doc.lastContactAt : null,
  };
}

export function writeLanState(store: DocumentStoreApi, patch: Partial<LanStateRecord>): void {
  const current = store.getLocal(STATE_ID);
  const next = { ...readLanState(store), ...patch };
  store.putLocal({ _id: STATE_ID, ...(current ? { _rev: current._rev } : {}), ...next });
}
