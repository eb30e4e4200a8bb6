/**
 * The county's databases as PouchDB HTTP databases. Credentials go in PouchDB's `auth` option
 * (an Authorization header), never into the URL, so they cannot end up in logs or run history.
 * `skip_setup`: a clinic user may not create databases, and a missing one must be reported as
 * such (https://docs.couchdb.org/en/stable/api/database/common.html).
 */
import { withDirectBulkGet, type DirectBulkGetOptions } from './bulk-get';
import { withCheckpointCache } from './checkpoint-cache';
import { createRemoteFetch, type KeepAliveAgents, type RemoteFetch } from './remote-fetch';
import type { PouchDatabase, PouchStatic } from './pouch';

export interface CountyEndpoint {
  /** e.g. `https://county.example.cn:6984` (a path prefix is allowed). */
  readonly serverUrl: string;
  readonly username: string;
  readonly password: string;
}

export function databaseUrl(serverUrl: string, database: string): string {
  return `${serverUrl.replace(/\/+$/, '')}/${encodeURIComponent(database)}`;
}

export function clinicDatabaseName(clinicCode: string): string {
  return `clinic_${clinicCode}`;
}

export function openRemoteDatabase(
  PouchDB: PouchStatic,
  endpoint: CountyEndpoint,
  database: string,
  options: {
    timeoutMs: number;
    fetch?: RemoteFetch;
    agents?: KeepAliveAgents;
    onRefused?: DirectBulkGetOptions['onRefused'];
    maxReplyBytes?: number;
    compressRequests?: boolean;
  },
): PouchDatabase {
  const url = databaseUrl(endpoint.serverUrl, database);
  const { timeoutMs, agents, maxReplyBytes, compressRequests } = options;
  const fetch = createRemoteFetch({ timeoutMs, fetch: options.fetch, agents, maxReplyBytes, compressRequests });
  const db = new PouchDB(url, { skip_setup: true, auth: { username: endpoint.username, password: endpoint.password }, fetch });
  return withCheckpointCache(
    withDirectBulkGet(db, { databaseUrl: url, username: endpoint.username, password: endpoint.password, fetch, onRefused: options.onRefused }),
  );
}

/**
 * The same database for PouchDB's replicator to read from. Its `finishBatch` calls `src.info()`
 * after every batch, only for its task bookkeeping (we read progress from the replication's
 * events), and never handles a failure: on a line that drops, that is an unhandled promise
 * rejection, which would take down the Electron main process. Here the first answer is asked of
 * the server and reused for the rest of the phase (one request less per batch on a slow line),
 * and a failure falls back to an empty answer (the replication itself still fails, and is
 * reported, through its own requests).
 */
export function asReplicationSource(db: PouchDatabase): PouchDatabase {
  const info = db.info.bind(db);
  let first: ReturnType<PouchDatabase['info']> | null = null;
  return Object.assign(db, {
    info: () => (first ??= info().catch(() => ({ db_name: db.name, doc_count: 0, update_seq: 0 }))),
  });
}
