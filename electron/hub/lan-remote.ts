/**
 * The hub as the live replication's endpoint (electron/lan/remote.ts `LanRemoteFactory`, matched
 * by shape): each connection attempt opens the hub afresh through the sync's remote database (its
 * deadlines, boundary checks and checkpoint cache), over an agent pinned to the hub's certificate,
 * and closes that agent's sockets when the connection ends.
 */
import { clinicPouchDB, openRemoteDatabase, type PouchDatabase } from '../sync';
import { hubFetch, type HubEndpoint } from './hub-remote';
import { pinnedAgent } from './pinned-tls';

export function hubRemoteFactory(
  endpoint: HubEndpoint,
  options: { readonly timeoutMs: number },
): (hooks: { readonly onRefused: (id: string, doc: unknown, reason: string) => void }) => { readonly db: PouchDatabase; close(): void } {
  return (hooks) => {
    const agent = pinnedAgent(endpoint);
    const db = openRemoteDatabase(clinicPouchDB(), { serverUrl: endpoint.address, username: endpoint.account, password: endpoint.secret }, endpoint.database, {
      timeoutMs: options.timeoutMs,
      fetch: hubFetch(endpoint, agent),
      onRefused: hooks.onRefused,
    });
    return { db, close: () => agent.destroy() };
  };
}
