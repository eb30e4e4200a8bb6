/**
 * The centre's endpoint as the live replication sees it: a factory that opens the remote database
 * afresh for each connection attempt. The centre's own CouchDB (address, database, account) uses
 * `couchRemoteFactory`; hub mode supplies its own factory (the hub's address, the workstation's
 * account, an agent that pins the hub's certificate), and the engine does not change.
 */
import { asReplicationSource, clinicPouchDB, keepAliveAgents, openRemoteDatabase, type KeepAliveAgents, type PouchDatabase, type RemoteFetch } from '../sync';

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
}

export type LanRemoteFactory = (hooks: LanRemoteHooks) => LanRemote;

/**
 * A live pull is a long poll that the endpoint ends after `LONGPOLL_MS` with no change; each
 * request's deadline is longer than that, so only a line that really went silent (a cable pulled
 * without a reset, a sleep) hits it, and the connection then starts again.
 */
export const LONGPOLL_MS = 20_000;
export const LAN_REQUEST_TIMEOUT_MS = LONGPOLL_MS + 10_000;

export function couchRemoteFactory(endpoint: LanEndpoint, options: { fetch?: RemoteFetch; agents?: () => KeepAliveAgents } = {}): LanRemoteFactory {
  const PouchDB = clinicPouchDB();
  return ({ onRefused }) => {
    const agents = options.agents?.() ?? keepAliveAgents();
    const db = openRemoteDatabase(PouchDB, { serverUrl: endpoint.serverUrl, username: endpoint.username, password: endpoint.password }, endpoint.database, {
      timeoutMs: LAN_REQUEST_TIMEOUT_MS,
      fetch: options.fetch,
      agents,
      onRefused,
    });
    return { db: asReplicationSource(db), close: () => agents.destroy() };
  };
}
