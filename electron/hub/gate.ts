/**
 * Which requests reach the replication server: the endpoints PouchDB's and CouchDB's replicators
 * use on the centre's one database, and nothing else
 * (https://docs.couchdb.org/en/stable/replication/protocol.html). Everything the hub's server does
 * not need for that — other databases, `_all_dbs`, `_config`, `_users`, `_session`, design
 * documents, views, attachments as their own resources, writes that are not replication — is
 * refused here, before express-pouchdb sees the request.
 */
import type { HubMessageCode } from './messages';
import { isQueueClaimId } from './queue-claims';

export type GateDecision =
  | { readonly allow: true; readonly route: 'root' | 'database' | 'claim' }
  | { readonly allow: false; readonly status: 403 | 404 | 405; readonly code: HubMessageCode };

const REFUSED: GateDecision = { allow: false, status: 403, code: 'HUB_NOT_REPLICATION' };

/** Endpoints under `/<db>/` and the methods each accepts. */
const DATABASE_ENDPOINTS: Readonly<Record<string, ReadonlyArray<string>>> = {
  _changes: ['GET', 'HEAD', 'POST'],
  _revs_diff: ['POST'],
  _bulk_docs: ['POST'],
  _bulk_get: ['POST'],
  _all_docs: ['GET', 'HEAD', 'POST'],
  _ensure_full_commit: ['POST'],
};

/** `_changes` may be filtered only by document ids (the replicator's `doc_ids`); design-document filters run code. */
function refusesQuery(query: URLSearchParams): boolean {
  const filter = query.get('filter');
  if (filter !== null && filter !== '_doc_ids') return true;
  return query.has('view') || query.has('selector');
}

export function gateRequest(method: string, rawUrl: string, database: string): GateDecision {
  // The raw path, as express sees it: a URL parser would resolve `%2e%2e` segments first, and the
  // gate must judge the very path the router will route.
  const queryAt = rawUrl.indexOf('?');
  const segments = (queryAt < 0 ? rawUrl : rawUrl.slice(0, queryAt)).split('/').slice(1);
  const query = new URLSearchParams(queryAt < 0 ? '' : rawUrl.slice(queryAt + 1));
  if (segments[segments.length - 1] === '') segments.pop();
  let names: string[];
  try {
    names = segments.map((s) => decodeURIComponent(s));
  } catch {
    return REFUSED;
  }
  if (names.some((name) => name === '' || name === '.' || name === '..')) return REFUSED;
  if (names.length === 0) return method === 'GET' || method === 'HEAD' ? { allow: true, route: 'root' } : REFUSED;
  if (names[0] !== database) return names[0].startsWith('_') ? REFUSED : { allow: false, status: 404, code: 'HUB_OTHER_DATABASE' };
  if (refusesQuery(query)) return REFUSED;
  if (names.length === 1) return method === 'GET' || method === 'HEAD' ? { allow: true, route: 'database' } : REFUSED;
  const [, first, second] = names;
  if (names.length === 2 && Object.hasOwn(DATABASE_ENDPOINTS, first)) {
    return DATABASE_ENDPOINTS[first].includes(method) ? { allow: true, route: 'database' } : { allow: false, status: 405, code: 'HUB_NOT_REPLICATION' };
  }
  // Replication checkpoints: read and written by the replicator on both sides.
  if (names.length === 3 && first === '_local' && second !== '' && !second.startsWith('_')) {
    return method === 'GET' || method === 'HEAD' || method === 'PUT' ? { allow: true, route: 'database' } : REFUSED;
  }
  // A 就诊序号 claim: a new document of that one id shape, answered by the hub itself (queue-claims.ts).
  if (names.length === 2 && method === 'PUT' && isQueueClaimId(first) && query.toString() === '') return { allow: true, route: 'claim' };
  // A document's revisions (`?revs=true&open_revs=…`): the replicator's fallback when `_bulk_get` fails.
  // One path segment only, so an attachment (`/db/doc/file`) is not reachable on its own.
  if (segments.length === 2 && !first.startsWith('_') && (method === 'GET' || method === 'HEAD')) return { allow: true, route: 'database' };
  return REFUSED;
}
