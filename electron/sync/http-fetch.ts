/**
 * The HTTP client under PouchDB's HTTP adapter: `node:http`/`node:https` requests whose reply body
 * is read whole before the answer is handed back, as a `RemoteFetch`.
 *
 * Why not PouchDB's own fetch (node-fetch 2.6.9): on a kept-alive connection, node-fetch decides a
 * chunked reply was cut off when, at the moment the reply's `close` event fires, its socket has a
 * `data` listener. With several requests in flight (pull read-ahead), the socket has often already
 * been handed to the next request by then, which listens for data: a whole, good `_changes` or
 * `_bulk_get` reply is then destroyed as "Premature close", and the run fails for nothing. Here a
 * reply is cut off exactly when Node's HTTP parser says so (`complete` false at `close`).
 *
 * Replies compressed with gzip or deflate are inflated here, to at most the size cap. The request
 * body is sent as given; `Content-Encoding` set by the caller is passed on (see `compressBody`).
 */
import http from 'node:http';
import https from 'node:https';
import zlib from 'node:zlib';
import { replyTooLarge } from './reply-body';
import { beforeReply } from './repeat-request';
import type { RemoteFetch, RemoteRequestInit, RemoteResponse } from './remote-fetch';

/** What one exchange put on the wire and took, for the breakdown of where a run spends its time. */
export interface WireExchange {
  readonly method: string;
  readonly url: string;
  readonly status: number;
  readonly sentBytes: number;
  readonly receivedBytes: number;
  readonly ms: number;
}

type HeaderSource = { forEach(fn: (value: string, name: string) => void): void } | Readonly<Record<string, string>> | undefined;

/** Request headers as a plain record with lower-case names, from a `Headers` object or a record. */
export function headerRecord(source: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  const given = source as HeaderSource;
  if (!given) return out;
  if (typeof (given as { forEach?: unknown }).forEach === 'function') {
    (given as { forEach(fn: (value: string, name: string) => void): void }).forEach((value, name) => {
      out[name.toLowerCase()] = value;
    });
  } else {
    for (const [name, value] of Object.entries(given as Record<string, string>)) out[name.toLowerCase()] = String(value);
  }
  return out;
}

function bodyBytes(body: unknown): Buffer | undefined {
  if (body === undefined || body === null) return undefined;
  if (typeof body === 'string') return Buffer.from(body, 'utf8');
  if (body instanceof Uint8Array) return Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  throw new TypeError(`request body of an unsupported kind: ${Object.prototype.toString.call(body)}`);
}

function connectionLost(message: string): Error {
  return Object.assign(new Error(message), { code: 'ECONNRESET' });
}

function inflate(body: Buffer, encoding: string | undefined, limit: number): Buffer {
  const options = { maxOutputLength: limit };
  try {
    if (encoding === 'gzip' || encoding === 'x-gzip') return zlib.gunzipSync(body, options);
    if (encoding === 'deflate') return zlib.inflateSync(body, options);
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ERR_BUFFER_TOO_LARGE') throw replyTooLarge(limit, limit + 1);
    throw connectionLost(`compressed reply cut short or damaged: ${String(error)}`);
  }
  return body;
}

function responseOf(res: http.IncomingMessage, body: Buffer): RemoteResponse & { buffer(): Promise<Buffer> } {
  const status = res.statusCode ?? 0;
  const text = (): string => body.toString('utf8');
  return {
    ok: status >= 200 && status < 300,
    status,
    headers: {
      get(name) {
        const value = res.headers[name.toLowerCase()];
        return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value;
      },
    },
    text: async () => text(),
    json: async () => JSON.parse(text()) as unknown,
    buffer: async () => body,
  };
}

/**
 * A fetch over node:http. `init.size` caps the reply (bytes on the wire and after inflating),
 * `init.agent` keeps connections alive, `init.signal` ends the request and the reading of its body.
 */
export function nodeHttpFetch(options: { onExchange?: (exchange: WireExchange) => void } = {}): RemoteFetch {
  return (url: string, init: RemoteRequestInit = {}) =>
    new Promise<RemoteResponse>((resolve, reject) => {
      const started = process.hrtime.bigint();
      const target = new URL(url);
      const method = (init.method ?? 'GET').toUpperCase();
      const headers = headerRecord(init.headers);
      const body = bodyBytes(init.body);
      if (body) headers['content-length'] = String(body.byteLength);
      headers['accept-encoding'] ??= 'gzip, deflate';
      const limit = typeof init.size === 'number' && init.size > 0 ? init.size : Number.POSITIVE_INFINITY;
      const signal = init.signal;
      const agent = init.agent as http.Agent | undefined;
      const client = target.protocol === 'https:' ? https : http;
      let settled = false;
      const fail = (error: Error): void => {
        if (settled) return;
        settled = true;
        signal?.removeEventListener('abort', onAbort);
        req.destroy();
        reject(error);
      };
      const onAbort = (): void => fail(Object.assign(new Error('request aborted'), { name: 'AbortError', cause: signal?.reason }));
      let replied = false;
      const req = client.request(target, { method, headers, agent }, (res) => {
        replied = true;
        const chunks: Buffer[] = [];
        let received = 0;
        res.on('data', (chunk: Buffer) => {
          received += chunk.byteLength;
          if (received > limit) {
            res.destroy();
            fail(replyTooLarge(limit, received));
            return;
          }
          chunks.push(chunk);
        });
        res.on('error', (error) => fail(Object.assign(connectionLost(`reply cut short: ${error.message}`), { cause: error })));
        res.on('close', () => {
          if (!res.complete) fail(connectionLost(`reply cut short after ${received} bytes`));
        });
        res.on('end', () => {
          if (settled) return;
          try {
            const encoding = res.headers['content-encoding']?.trim().toLowerCase();
            const whole = inflate(Buffer.concat(chunks, received), encoding, limit);
            settled = true;
            signal?.removeEventListener('abort', onAbort);
            options.onExchange?.({
              method,
              url,
              status: res.statusCode ?? 0,
              sentBytes: body?.byteLength ?? 0,
              receivedBytes: received,
              ms: Number(process.hrtime.bigint() - started) / 1e6,
            });
            resolve(responseOf(res, whole));
          } catch (error) {
            fail(error as Error);
          }
        });
      });
      req.on('error', (error) => fail(replied ? error : beforeReply(error)));
      if (signal?.aborted) return onAbort();
      signal?.addEventListener('abort', onAbort, { once: true });
      req.end(body);
    });
}
