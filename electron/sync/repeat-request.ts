/**
 * One more try for a request whose connection was reset before any byte of a reply came back.
 * That is how a kept-alive connection dies when the server closes it as our request goes out (a
 * busy express-pouchdb, a proxy's idle timeout): the request may or may not have reached the
 * server, so only requests that give the same result when made twice are repeated, once:
 * reads (GET, HEAD, and the POSTs that only read: `_bulk_get`, `_revs_diff`, `_all_docs`,
 * `_changes`), and a replication write (`_bulk_docs` with `new_edits: false`, which stores
 * revisions by their given ids: a revision already there is left as it is).
 */

/** Marks an error of a request that failed before its reply began (set by http-fetch.ts). */
export function beforeReply<E extends Error>(error: E): E {
  return Object.assign(error, { beforeReply: true });
}

const RESET_CODES = new Set(['ECONNRESET', 'EPIPE']);

export function resetBeforeReply(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, beforeReply: before } = error as { code?: unknown; beforeReply?: unknown };
  return before === true && typeof code === 'string' && RESET_CODES.has(code);
}

const READING_POSTS = new Set(['_bulk_get', '_revs_diff', '_all_docs', '_changes']);

/** The last path segment of a CouchDB URL: `_bulk_get` in `…/clinic_xz01/_bulk_get?revs=true`. */
function endpointOf(url: string): string {
  const path = new URL(url).pathname.replace(/\/+$/, '');
  return decodeURIComponent(path.slice(path.lastIndexOf('/') + 1));
}

/** Whether making the request twice gives the same result as making it once. */
export function safeToRepeat(method: string, url: string, body: unknown): boolean {
  const verb = method.toUpperCase();
  if (verb === 'GET' || verb === 'HEAD') return true;
  if (verb !== 'POST') return false;
  const endpoint = endpointOf(url);
  if (READING_POSTS.has(endpoint)) return true;
  // PouchDB's HTTP adapter sends `JSON.stringify({ docs, new_edits })`: the flag is the last field.
  return endpoint === '_bulk_docs' && typeof body === 'string' && /"new_edits"\s*:\s*false\s*\}\s*$/.test(body);
}
