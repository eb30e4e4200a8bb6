/**
 * The hub as the live replication's endpoint (electron/lan/remote.ts `LanRemoteFactory`, matched
 * by shape): each connection attempt opens the hub afresh through the sync's remote database (its
 * deadlines, boundary checks and checkpoint cache), over an agent pinned to the hub's certificate,
 * and closes that agent's sockets when the connection ends.
 */
import { asReplicationSource, clinicPouchDB, openRemoteDatabase, type PouchDatabase, type RemoteFetch } from '../sync';
import { hubFetch, type HubEndpoint } from './hub-remote';
import { pinnedAgent } from './pinned-tls';

export interface HubRemoteHooks {
  readonly onRefused: (id: string, doc: unknown, reason: string) => void;
  /** A request got its whole reply: the live link's stall watch (electron/lan/link-health.ts). */
  readonly onAnswer?: () => void;
}

export function hubRemoteFactory(
  endpoint: HubEndpoint,
  options: { readonly timeoutMs: number },
): (hooks: HubRemoteHooks) => { readonly db: PouchDatabase; close(): void } {
  return (hooks) => {
    const agent = pinnedAgent(endpoint);
    const pinned = hubFetch(endpoint, agent);
    const onAnswer = hooks.onAnswer;
    const fetch: RemoteFetch = onAnswer
      ? async (url, init) => {
          const response = await pinned(url, init);
          onAnswer();
          return response;
        }
      : pinned;
    const db = openRemoteDatabase(clinicPouchDB(), { serverUrl: endpoint.address, username: endpoint.account, password: endpoint.secret }, endpoint.database, {
      timeoutMs: options.timeoutMs,
      fetch,
      onRefused: hooks.onRefused,
    });
    return { db: asReplicationSource(db), close: () => agent.destroy() };
  };
}
