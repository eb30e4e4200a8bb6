/**
 * The centre's endpoint as the live replication sees it: a factory that opens the remote database
 * afresh for each connection attempt. The centre's own CouchDB (address, database, account) uses
 * `couchRemoteFactory`; hub mode supplies its own factory (the hub's address, the workstation's
 * account, an agent that pins the hub's certificate), and the engine does not change.
 */
import {
  asReplicationSource,
  clinicPouchDB,
  keepAliveAgents,
  nodeHttpFetch,
  openRemoteDatabase,
  type KeepAliveAgents,
  type PouchDatabase,
  type RemoteFetch,
} from '../sync';

export interface LanEndpoint {
  /** e.g. `http://192.168.1.10:5984` (a path prefix is allowed). */
  readonly serverUrl: string;
  /** The centre's database, `clinic_<code>` unless the county's IT staff named it otherwise. */
  readonly database: string;
  readonly username: string;
  readonly password: string;
}

/** One connection's remote database and what to release when it ends. */
export interface LanRemote {
  /** For pushing to and pulling from; pulled documents already pass the boundary checks. */
  readonly db: PouchDatabase;
  /** Closes the connection's sockets (a reset line must not leave one half-open). */
  close(): void;
}

export interface LanRemoteHooks {
  /** A pulled document failed the boundary checks (electron/sync/incoming-check.ts). */
  readonly onRefused: (id: string, doc: unknown, reason: string) => void;
  /** A request got its whole reply (any status): the endpoint is alive (link-health.ts). */
  readonly onAnswer?: () => void;
}

export type LanRemoteFactory = (hooks: LanRemoteHooks) => LanRemote;

/**
 * A live pull is a long poll that the endpoint ends after `LONGPOLL_MS` with no change; each
 * request's deadline is longer than that, so only a line that really went silent (a cable pulled
 * without a reset, a reply cut part-way, a sleep) hits it, and the connection then starts again.
 * Short, because a LAN carries a request every few seconds per PC without noticing, and the
 * deadline is how long a silently broken line goes unnoticed.
 */
export const LONGPOLL_MS = 10_000;
export const LAN_REQUEST_TIMEOUT_MS = LONGPOLL_MS + 5_000;

export function couchRemoteFactory(
  endpoint: LanEndpoint,
  options: { fetch?: RemoteFetch; agents?: () => KeepAliveAgents; timeoutMs?: number } = {},
): LanRemoteFactory {
  const PouchDB = clinicPouchDB();
  return ({ onRefused, onAnswer }) => {
    const agents = options.agents?.() ?? keepAliveAgents();
    const inner = options.fetch ?? nodeHttpFetch();
    const db = openRemoteDatabase(PouchDB, { serverUrl: endpoint.serverUrl, username: endpoint.username, password: endpoint.password }, endpoint.database, {
      timeoutMs: options.timeoutMs ?? LAN_REQUEST_TIMEOUT_MS,
      // Under the deadline: a reply counts once it has come whole (nodeHttpFetch reads the body first).
      fetch: onAnswer ? answered(inner, onAnswer) : inner,
      agents,
      onRefused,
    });
    return { db: asReplicationSource(db), close: () => agents.destroy() };
  };
}

/** The same fetch, telling `onAnswer` of every reply that came (errors pass through untold). */
export function answered(fetch: RemoteFetch, onAnswer: () => void): RemoteFetch {
  return async (url, init) => {
    const response = await fetch(url, init);
    onAnswer();
    return response;
  };
}
