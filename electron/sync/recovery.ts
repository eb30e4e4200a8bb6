/**
 * Disaster recovery (scenario 6): a replacement PC, given the clinic's county database address and
 * its sync credentials, pulls the clinic's whole record back into an empty local database, then
 * rebuilds the projections from the documents. The pull writes documents only (projections are
 * deferred, see db/projections/rebuild.ts): each one is then projected once, by the rebuild.
 *
 * What comes back is what CouchDB replication carries: every document's leaves (so conflicts come
 * back as conflicts) with their full revision-id history, attachments, and the reference data.
 * The bodies of older, non-leaf revisions do not travel over the replication protocol (and a
 * compacted CouchDB no longer has them); see COUNTY-SERVER.md.
 *
 * Interrupted recovery resumes: a `_local` marker says the database is being recovered, so running
 * again continues from the replication checkpoint instead of refusing a non-empty database.
 */
import fs from 'node:fs';
import path from 'node:path';
import { openClinicDatabase } from '../../db/open';
import { deferProjections, rebuildProjectionsSync, type RebuildProgress } from '../../db/projections/rebuild';
import type { BatchSettings } from './batching';
import { SyncEngine, type SyncProgress } from './engine';
import { syncError, type SyncError } from './errors';
import type { RemoteFetch } from './remote-fetch';
import type { SyncRunRecord } from './sync-state';

export interface RecoverClinicInput {
  /** The clinic's county database, e.g. `https://county.example.cn:6984/clinic_xz01`. */
  readonly remoteUrl: string;
  readonly credentials: { readonly username: string; readonly password: string };
  /** The new install's data folder; the database file is created in it. */
  readonly dataDir: string;
  readonly fileName?: string;
  readonly batching?: BatchSettings;
  readonly fetch?: RemoteFetch;
  readonly onProgress?: (progress: SyncProgress) => void;
  /** The projection rebuild that follows the pull. */
  readonly onRebuildProgress?: (progress: RebuildProgress) => void;
}

export interface RecoveryResult {
  readonly file: string;
  readonly clinicCode: string;
  readonly documents: number;
  readonly projections: RebuildProgress;
  readonly run: SyncRunRecord;
}

export class RecoveryError extends Error {
  constructor(readonly error: SyncError | { code: 'RECOVERY_NOT_EMPTY' | 'RECOVERY_BAD_URL'; message: string }) {
    super(error.message);
    this.name = 'RecoveryError';
  }
}

const MARKER = '_local/clinic-recovery';

/** `https://host:6984/prefix/clinic_xz01` → server `https://host:6984/prefix`, code `xz01`. */
export function parseClinicDatabaseUrl(remoteUrl: string): { serverUrl: string; clinicCode: string } {
  let url: URL;
  try {
    url = new URL(remoteUrl);
  } catch {
    throw new RecoveryError({ code: 'RECOVERY_BAD_URL', message: `县级数据库地址格式不对：${remoteUrl}` });
  }
  const segments = url.pathname.replace(/\/+$/, '').split('/');
  const database = decodeURIComponent(segments.pop() ?? '');
  const match = /^clinic_([a-z0-9][a-z0-9_-]{1,30})$/.exec(database);
  if (!match || url.username || url.password) {
    throw new RecoveryError({ code: 'RECOVERY_BAD_URL', message: '县级数据库地址应以 /clinic_<机构编码> 结尾，且不要把账号密码写在地址里。' });
  }
  url.pathname = segments.join('/') || '/';
  return { serverUrl: url.toString().replace(/\/+$/, ''), clinicCode: match[1] };
}

export async function recoverClinic(input: RecoverClinicInput): Promise<RecoveryResult> {
  const { serverUrl, clinicCode } = parseClinicDatabaseUrl(input.remoteUrl);
  fs.mkdirSync(input.dataDir, { recursive: true });
  const file = path.join(input.dataDir, input.fileName ?? 'clinic.db');
  const db = openClinicDatabase(file, { finishPendingRebuild: false });
  try {
    const marker = db.store.getLocal(MARKER);
    if (db.store.info().updateSeq > 0 && marker?.state !== 'in_progress') {
      throw new RecoveryError({ code: 'RECOVERY_NOT_EMPTY', message: '这台电脑上已经有病历数据，不能在已有数据上做整体恢复。请换一个空的数据文件夹。' });
    }
    if (!marker) db.store.putLocal({ _id: MARKER, state: 'in_progress', clinicCode, startedAt: new Date().toISOString() });
    deferProjections(db);

    const engine = new SyncEngine({
      store: db.store,
      clinicCode,
      endpoint: { serverUrl, username: input.credentials.username, password: input.credentials.password },
      batching: input.batching,
      fetch: input.fetch,
    });
    if (input.onProgress) engine.on('progress', input.onProgress);
    const outcome = await engine.run('recovery');
    const run = engine.history()[0];
    if (!outcome.ok) throw new RecoveryError(outcome.error);
    if (!run) throw new RecoveryError(syncError('SYNC_UNKNOWN', 'no run recorded'));

    // Every winner is projected once, now that all the revisions are in, whatever order they came in.
    const projections = rebuildProjectionsSync(db, input.onRebuildProgress);
    const current = db.store.getLocal(MARKER);
    db.store.putLocal({ _id: MARKER, _rev: current?._rev, state: 'done', clinicCode, finishedAt: new Date().toISOString() });
    return { file, clinicCode, documents: db.store.info().docCount, projections, run };
  } finally {
    db.close();
  }
}
