/**
 * The `fetch` we hand to PouchDB's HTTP adapter (its `fetch` option). PouchDB itself never gives
 * up on a request, and a rural line can leave one hanging forever, so every request gets a
 * deadline. A 5xx page that is not JSON (a reverse proxy's HTML error page) is turned into a CouchDB
 * style error body, so it reads as "server error" rather than "malformed reply".
 *
 * The underlying fetch is injectable; by default it is PouchDB's own (node-fetch with cookies).
 */
import http from 'node:http';
import https from 'node:https';
import { createRequire } from 'node:module';

/** The slice of a node-fetch Response that PouchDB's HTTP adapter uses. */
export interface RemoteResponse {
  readonly ok: boolean;
  readonly status: number;
  json(): Promise<unknown>;
  text(): Promise<string>;
  readonly headers: { get(name: string): string | null };
}

export interface RemoteRequestInit {
  method?: string;
  body?: unknown;
  signal?: AbortSignal;
  headers?: unknown;
  [option: string]: unknown;
}

export type RemoteFetch = (url: string, init?: RemoteRequestInit) => Promise<RemoteResponse>;

export interface RemoteFetchOptions {
  readonly timeoutMs: number;
  readonly fetch?: RemoteFetch;
  /** Connection reuse; see `keepAliveAgents`. */
  readonly agents?: KeepAliveAgents;
  /** Told about every request, for progress (bytes on the wire are not visible to PouchDB). */
  readonly onRequest?: (method: string, url: string) => void;
}

const require = createRequire(import.meta.url);

export function pouchdbDefaultFetch(): RemoteFetch {
  return (require('pouchdb-fetch') as { fetch: RemoteFetch }).fetch;
}

/**
 * One run's HTTP(S) connections, kept alive between requests. Without an agent node-fetch sends
 * `Connection: close` and opens a new connection (and, with HTTPS, a new TLS handshake: several
 * round trips on a rural line) for every request. Idle sockets are dropped before a typical
 * server's keep-alive timeout (5 s here, Node's and CouchDB's defaults are longer) so a request is
 * not sent on a socket the server is closing.
 */
export interface KeepAliveAgents {
  readonly http: http.Agent;
  readonly https: https.Agent;
  destroy(): void;
}

export function keepAliveAgents(): KeepAliveAgents {
  const options = { keepAlive: true, maxSockets: 4, timeout: 4_000 };
  const agents = { http: new http.Agent(options), https: new https.Agent(options) };
  return { ...agents, destroy: () => (agents.http.destroy(), agents.https.destroy()) };
}

export function createRemoteFetch(options: RemoteFetchOptions): RemoteFetch {
  const inner = options.fetch ?? pouchdbDefaultFetch();
  const agents = options.agents;
  return async (url, init = {}) => {
    const deadline = AbortSignal.timeout(options.timeoutMs);
    const signal = init.signal ? AbortSignal.any([init.signal, deadline]) : deadline;
    options.onRequest?.(init.method ?? 'GET', url);
    const agent = agents ? (url.startsWith('https:') ? agents.https : agents.http) : undefined;
    const response = await inner(url, agent ? { ...init, signal, agent } : { ...init, signal });
    if (response.status >= 500 && !(response.headers.get('content-type') ?? '').includes('json')) {
      const status = response.status;
      const text = response.text.bind(response);
      const wrapped: RemoteResponse = {
        ok: false,
        status,
        headers: response.headers,
        text,
        json: async () => {
          const body = await text().catch(() => '');
          return { error: 'server_error', reason: `HTTP ${status}: ${body.slice(0, 200)}` };
        },
      };
      return wrapped;
    }
    return response;
  };
}
