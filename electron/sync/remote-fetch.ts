/**
 * The `fetch` we hand to PouchDB's HTTP adapter (its `fetch` option). Every request, the reading of
 * its body included, ends by a deadline: PouchDB itself never gives up on a request, and a rural
 * line can leave one hanging forever. The deadline is a plain timer that aborts the request's own
 * AbortController; `AbortSignal.any([caller, AbortSignal.timeout(ms)])` stops firing once garbage
 * collection has run on Node 20 (https://github.com/nodejs/node/issues/57736).
 *
 * The body is read whole here, checked against its declared length and a size cap
 * (`reply-body.ts`), and handed on from memory. A 5xx page that is not JSON (a reverse proxy's HTML
 * error page) is turned into a CouchDB style error body, so it reads as "server error" rather than
 * "malformed reply"; a 2xx that is not JSON is a bad reply.
 *
 * The underlying fetch is injectable; by default it is `nodeHttpFetch` (http-fetch.ts, which says
 * why not PouchDB's own node-fetch).
 */
import http from 'node:http';
import https from 'node:https';
import { gzipSync } from 'node:zlib';
import { headerRecord, nodeHttpFetch } from './http-fetch';
import { declaredLength, replyCutShort, replyTooLarge } from './reply-body';
import { resetBeforeReply, safeToRepeat } from './repeat-request';

/** The slice of a node-fetch Response that PouchDB's HTTP adapter uses. */
export interface RemoteResponse {
  readonly ok: boolean;
  readonly status: number;
  json(): Promise<unknown>;
  text(): Promise<string>;
  readonly headers: { get(name: string): string | null };
  /** node-fetch's whole body (PouchDB reads attachments with it). */
  buffer?(): Promise<Buffer>;
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
  /** Largest reply body accepted, in bytes; default `MAX_REPLY_BYTES`. */
  readonly maxReplyBytes?: number;
  /** Gzip request bodies of `MIN_COMPRESSED_BYTES` or more (see BatchSettings.compressRequests). */
  readonly compressRequests?: boolean;
}

/** Below this a request body goes as it is: the gzip header and a round of CPU are not worth it. */
export const MIN_COMPRESSED_BYTES = 1024;

/** The request with its body gzip-compressed, when it is large enough to gain from it. */
function compressed(init: RemoteRequestInit): RemoteRequestInit {
  const body = init.body;
  if (typeof body !== 'string' || body.length < MIN_COMPRESSED_BYTES) return init;
  const headers = headerRecord(init.headers);
  if (headers['content-encoding']) return init;
  return { ...init, headers: { ...headers, 'content-encoding': 'gzip' }, body: gzipSync(body, { level: 6 }) };
}

/**
 * The county accepts requests up to 64 MiB (`max_http_request_size`, COUNTY-SERVER.md); no reply
 * the clinic needs is larger than what it could have sent as one batch.
 */
export const MAX_REPLY_BYTES = 64 * 1024 * 1024;

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
  const inner = options.fetch ?? nodeHttpFetch();
  const agents = options.agents;
  const limit = options.maxReplyBytes ?? MAX_REPLY_BYTES;
  return async (url, given = {}) => {
    const init = options.compressRequests ? compressed(given) : given;
    const controller = new AbortController();
    const timeout = Object.assign(new Error(`no complete reply within ${options.timeoutMs} ms`), { name: 'TimeoutError', type: 'request-timeout' });
    const refused = new Error('reply refused');
    const timer = setTimeout(() => controller.abort(timeout), options.timeoutMs);
    const caller = init.signal;
    const follow = (): void => controller.abort(caller?.reason);
    if (caller?.aborted) follow();
    else caller?.addEventListener('abort', follow, { once: true });
    options.onRequest?.(init.method ?? 'GET', url);
    const agent = agents ? (url.startsWith('https:') ? agents.https : agents.http) : undefined;
    const send = () => inner(url, { ...init, signal: controller.signal, size: limit, ...(agent ? { agent } : {}) });
    try {
      // A connection reset before any reply byte: once more, if the request may be made twice
      // (repeat-request.ts), within the same deadline.
      const response = await send().catch((error: unknown) => {
        if (!resetBeforeReply(error) || controller.signal.aborted || !safeToRepeat(init.method ?? 'GET', url, given.body)) throw error;
        return send();
      });
      const body = await readBody(
        response,
        limit,
        () => controller.abort(refused),
        () => controller.signal.reason === timeout,
      );
      return bufferedResponse(response, body);
    } catch (error) {
      // node-fetch reports our deadline as a plain AbortError; say which it was.
      const aborted = typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'AbortError';
      throw aborted && controller.signal.reason === timeout ? timeout : error;
    } finally {
      clearTimeout(timer);
      caller?.removeEventListener('abort', follow);
    }
  };
}

async function readBody(response: RemoteResponse, limit: number, stop: () => void, timedOut: () => boolean): Promise<Buffer> {
  const declared = declaredLength(response.headers);
  if (declared !== null && declared > limit) {
    stop();
    throw replyTooLarge(limit, declared);
  }
  try {
    // node-fetch's own reading (its `size` option caps it). Reading its body stream directly meets
    // its keep-alive "Premature close" false alarm on chunked replies.
    const body = typeof response.buffer === 'function' ? await response.buffer() : Buffer.from(await response.text(), 'utf8');
    return checkLength(body, limit, declared);
  } catch (error) {
    stop();
    // node-fetch 2 never ends a body whose connection closed before its declared length: the
    // deadline ends it. The headers came, the declared body did not: the reply was cut off.
    if (timedOut() && declared !== null) throw replyCutShort(-1, declared);
    throw error;
  }
}

function checkLength(body: Buffer, limit: number, declared: number | null): Buffer {
  if (body.byteLength > limit) throw replyTooLarge(limit, body.byteLength);
  if (declared !== null && body.byteLength !== declared) throw replyCutShort(body.byteLength, declared);
  return body;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw Object.assign(new Error(`invalid json reply: ${error instanceof Error ? error.message : String(error)}`), { type: 'invalid-json' });
  }
}

/** The reply, answered from memory. */
function bufferedResponse(response: RemoteResponse, body: Buffer): RemoteResponse & { buffer(): Promise<Buffer> } {
  const { status, headers } = response;
  const text = (): string => body.toString('utf8');
  const isJson = (headers.get('content-type') ?? '').includes('json');
  if (status >= 500 && !isJson) {
    // A reverse proxy's error page: a server error, with the start of the page for the log.
    return {
      ok: false,
      status,
      headers,
      text: async () => text(),
      json: async () => ({ error: 'server_error', reason: `HTTP ${status}: ${text().slice(0, 200)}` }),
      buffer: async () => body,
    };
  }
  return {
    ok: response.ok,
    status,
    headers,
    text: async () => text(),
    json: async () => parseJson(text()),
    buffer: async () => body,
  };
}
