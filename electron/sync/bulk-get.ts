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
 *
 * This is also where pulled documents cross into the clinic: each one is checked
 * (incoming-check.ts), and one that fails is taken out of the answer and handed to `onRefused`, so
 * the replicator writes the rest and its checkpoint moves past the bad one.
 */
import type { PouchDatabase } from './pouch';
import { refuseIncoming } from './incoming-check';
import type { RemoteFetch } from './remote-fetch';

type BulkGetResponse = Awaited<ReturnType<PouchDatabase['bulkGet']>>;

export interface DirectBulkGetOptions {
  /** The database's URL, e.g. `https://county:6984/clinic_xz01`. */
  readonly databaseUrl: string;
  readonly username: string;
  readonly password: string;
  readonly fetch: RemoteFetch;
  /** A document refused at the boundary: what was asked for, what came, and why. */
  readonly onRefused?: (requestedId: string, doc: unknown, reason: string) => void;
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
      return checkedResults(body, request.docs, options.onRefused);
    },
  });
}

type BulkGetResult = BulkGetResponse['results'][number];

/** The answer with every document that fails the boundary checks taken out (and reported). */
function checkedResults(body: BulkGetResponse, asked: ReadonlyArray<{ id: string }>, onRefused: DirectBulkGetOptions['onRefused']): BulkGetResponse {
  const askedIds = new Set(asked.map((d) => d.id));
  const results: BulkGetResult[] = [];
  for (const result of body.results as unknown[]) {
    const entry = (typeof result === 'object' && result !== null ? result : {}) as { id?: unknown; docs?: unknown };
    if (typeof entry.id !== 'string' || !askedIds.has(entry.id) || !Array.isArray(entry.docs)) {
      throw Object.assign(new Error('_bulk_get answered with a result for something not asked'), { type: 'invalid-json' });
    }
    const requestedId = entry.id;
    const docs = (entry.docs as unknown[]).filter((item) => {
      const ok = typeof item === 'object' && item !== null ? (item as { ok?: unknown }).ok : undefined;
      if (ok === undefined) return true; // {error} / {missing}: the replicator's own handling
      const reason = refuseIncoming(ok, requestedId);
      if (reason === null) return true;
      onRefused?.(requestedId, ok, reason);
      return false;
    });
    results.push({ ...(entry as BulkGetResult), docs } as BulkGetResult);
  }
  return { ...body, results } as BulkGetResponse;
}
