/**
 * The `fetch` we hand to PouchDB's HTTP adapter (its `fetch` option). PouchDB itself never gives
 * up on a request, and a rural line can leave one hanging forever, so every request gets a
 * deadline. A 5xx page that is not JSON (a reverse proxy's HTML error page) is turned into a CouchDB
 * style error body, so it reads as "server error" rather than "malformed reply".
 *
 * The underlying fetch is injectable; by default it is PouchDB's own (node-fetch with cookies).
 */
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
  /** Told about every request, for progress (bytes on the wire are not visible to PouchDB). */
  readonly onRequest?: (method: string, url: string) => void;
}

const require = createRequire(import.meta.url);

export function pouchdbDefaultFetch(): RemoteFetch {
  return (require('pouchdb-fetch') as { fetch: RemoteFetch }).fetch;
}

export function createRemoteFetch(options: RemoteFetchOptions): RemoteFetch {
  const inner = options.fetch ?? pouchdbDefaultFetch();
  return async (url, init = {}) => {
    const deadline = AbortSignal.timeout(options.timeoutMs);
    const signal = init.signal ? AbortSignal.any([init.signal, deadline]) : deadline;
    options.onRequest?.(init.method ?? 'GET', url);
    const response = await inner(url, { ...init, signal });
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
