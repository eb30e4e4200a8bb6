/**
 * `_bulk_get` asked of the county directly, for the replicator's plain requests
 * (`{ docs, revs: true, latest: true }`).
 *
 * PouchDB's HTTP adapter decides from the first `_bulk_get` it sends to a server whether that
 * server has the endpoint at all, and keeps the answer for as long as the process lives: a first
 * request that fails on a bad line (a reset, a timeout) makes it fetch every document one by one,
 * with a request each, from then on. On a rural line that turns a few seconds of pulling into many
 * minutes, every night until the app is restarted. CouchDB 3 always has `_bulk_get`
 * (https://docs.couchdb.org/en/stable/api/database/bulk-api.html#db-bulk-get), so it is asked
 * here, through the same fetch (deadline, keep-alive) the adapter uses: a failure is then just a
 * failed request, reported and retried like any other.
 */
import type { PouchDatabase } from './pouch';
import type { RemoteFetch } from './remote-fetch';

type BulkGetResponse = Awaited<ReturnType<PouchDatabase['bulkGet']>>;

export interface DirectBulkGetOptions {
  /** The database's URL, e.g. `https://county:6984/clinic_xz01`. */
  readonly databaseUrl: string;
  readonly username: string;
  readonly password: string;
  readonly fetch: RemoteFetch;
}

/** The request the replicator makes: these documents at these revisions, with history, latest leaf. */
export function isPlainBulkGet(request: Readonly<Record<string, unknown>>): request is { docs: Array<{ id: string; rev: string }>; revs: true; latest: true } {
  const keys = Object.keys(request).sort().join(',');
  return keys === 'docs,latest,revs' && request.revs === true && request.latest === true && Array.isArray(request.docs);
}

/** An error shaped as PouchDB's HTTP adapter shapes them (status, name, reason), for classifySyncError. */
async function responseError(response: Awaited<ReturnType<RemoteFetch>>): Promise<Error> {
  const body = (await response.json().catch(() => ({}))) as { error?: unknown; reason?: unknown };
  const name = typeof body.error === 'string' ? body.error : 'unknown_error';
  const reason = typeof body.reason === 'string' ? body.reason : `HTTP ${response.status}`;
  return Object.assign(new Error(reason), { status: response.status, name, reason, error: true });
}

/** Answers the replicator's `_bulk_get` requests directly (the instance is changed in place). */
export function withDirectBulkGet(db: PouchDatabase, options: DirectBulkGetOptions): PouchDatabase {
  const fallback = db.bulkGet.bind(db);
  const authorization = `Basic ${Buffer.from(`${options.username}:${options.password}`, 'utf8').toString('base64')}`;
  const url = `${options.databaseUrl.replace(/\/+$/, '')}/_bulk_get?revs=true&latest=true`;
  return Object.assign(db, {
    async bulkGet(request: Readonly<Record<string, unknown>>): Promise<BulkGetResponse> {
      if (!isPlainBulkGet(request)) return fallback(request);
      const response = await options.fetch(url, {
        method: 'POST',
        headers: { Authorization: authorization, 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify({ docs: request.docs }),
      });
      if (!response.ok) throw await responseError(response);
      const body = (await response.json()) as BulkGetResponse;
      if (!body || !Array.isArray(body.results)) throw Object.assign(new Error('_bulk_get answered without results'), { type: 'invalid-json' });
      return body;
    },
  });
}
