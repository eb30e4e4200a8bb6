/**
 * The hub as a remote PouchDB database for a paired workstation, over connections pinned to the
 * hub's certificate (pinned-tls.ts). Credentials travel in PouchDB's `auth` option (a Basic
 * header), never in the URL.
 *
 *   const hub = openHubDatabase(endpoint);                        // no request deadline: live feeds wait
 *   PouchDB.sync(openLocalPouch(store), hub, { live: true, retry: true });
 *
 * A certificate that is not the pinned one fails the handshake; node-fetch reports it with a TLS
 * error code (DEPTH_ZERO_SELF_SIGNED_CERT and the like), which the sync's error classifier reads as
 * a certificate problem and `asCertificateMismatch` turns into the hub's own message.
 */
import type https from 'node:https';
import { createRequire } from 'node:module';
import { clinicPouchDB, createRemoteFetch, type PouchDatabase, type RemoteFetch } from '../sync';
import { pinnedAgent, type PinnedCertificate } from './pinned-tls';

const require = createRequire(import.meta.url);

export interface HubEndpoint extends PinnedCertificate {
  /** `https://host:port`. */
  readonly address: string;
  readonly database: string;
  readonly account: string;
  readonly secret: string;
}

/** PouchDB's own fetch, always through the pinned agent (whatever agent the caller offers). */
export function hubFetch(pin: PinnedCertificate, agent: https.Agent = pinnedAgent(pin)): RemoteFetch {
  const inner = (require('pouchdb-fetch') as { fetch: RemoteFetch }).fetch;
  return (url, init = {}) => inner(url, { ...init, agent });
}

export function hubDatabaseUrl(endpoint: Pick<HubEndpoint, 'address' | 'database'>): string {
  return `${endpoint.address.replace(/\/+$/, '')}/${encodeURIComponent(endpoint.database)}`;
}

export function openHubDatabase(endpoint: HubEndpoint, options: { timeoutMs?: number; agent?: https.Agent } = {}): PouchDatabase {
  const PouchDB = clinicPouchDB();
  const pinned = hubFetch(endpoint, options.agent);
  const fetch = options.timeoutMs === undefined ? pinned : createRemoteFetch({ timeoutMs: options.timeoutMs, fetch: pinned });
  return new PouchDB(hubDatabaseUrl(endpoint), { skip_setup: true, auth: { username: endpoint.account, password: endpoint.secret }, fetch });
}
