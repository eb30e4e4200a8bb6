/**
 * An HTTP proxy for tests that stands between the clinic and a county server and, for the
 * requests a rule matches, answers the way a broken or hostile server does: a reply cut off part
 * way (with or without a declared length), an HTML error page, a reply far larger than any the
 * clinic accepts, or a `_bulk_get` whose documents were tampered with. Everything else passes
 * through unchanged. Loopback only.
 */
import http from 'node:http';
import { isLoopbackHost } from '../loopback';

export type Misbehaviour =
  | { readonly kind: 'truncate'; readonly declareLength: boolean; readonly fraction: number }
  | { readonly kind: 'html'; readonly status: number }
  | { readonly kind: 'huge'; readonly bytes: number; readonly declareLength: boolean }
  /** `_bulk_get` only: the document asked for as `id` is replaced by what `rewrite` returns. */
  | { readonly kind: 'rewrite-doc'; readonly id: string; rewrite(doc: Record<string, unknown>): unknown };

export interface HostileRule {
  /** e.g. `(method, path) => path.includes('/_changes')` */
  match(method: string, path: string): boolean;
  readonly misbehave: Misbehaviour;
}

export interface HostileProxy {
  readonly url: string;
  setRule(rule: HostileRule | null): void;
  /** How many replies the rule changed. */
  hits(): number;
  close(): Promise<void>;
}

interface Upstream {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

function forward(target: { host: string; port: number }, agent: http.Agent, req: http.IncomingMessage, body: Buffer): Promise<Upstream> {
  return new Promise((resolve, reject) => {
    // Uncompressed, so that a rule can cut or rewrite the bytes the client will parse.
    const { 'accept-encoding': _encoding, ...rest } = req.headers;
    const headers = { ...rest, host: `${target.host}:${target.port}` };
    const upstream = http.request({ host: target.host, port: target.port, method: req.method, path: req.url, headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 502, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    upstream.on('error', reject);
    upstream.end(body);
  });
}

function plainHeaders(headers: http.IncomingHttpHeaders): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || ['content-length', 'transfer-encoding', 'connection', 'keep-alive'].includes(name)) continue;
    out[name] = value;
  }
  return out;
}

function rewriteBulkGet(body: Buffer, id: string, rewrite: (doc: Record<string, unknown>) => unknown): Buffer {
  const parsed = JSON.parse(body.toString('utf8')) as { results: Array<{ id: string; docs: Array<{ ok?: Record<string, unknown> }> }> };
  for (const result of parsed.results) {
    if (result.id !== id) continue;
    result.docs = result.docs.map((d) => (d.ok ? { ok: rewrite(d.ok) as Record<string, unknown> } : d));
  }
  return Buffer.from(JSON.stringify(parsed), 'utf8');
}

/** Writes `bytes` of a JSON-looking reply without holding it in memory; stops when the client goes. */
function sendHuge(res: http.ServerResponse, bytes: number, declareLength: boolean): void {
  res.writeHead(200, { 'content-type': 'application/json', ...(declareLength ? { 'content-length': String(bytes) } : {}) });
  const chunk = Buffer.alloc(64 * 1024, 0x20);
  let sent = 0;
  const pump = (): void => {
    while (sent < bytes && !res.destroyed) {
      const part = chunk.subarray(0, Math.min(chunk.length, bytes - sent));
      sent += part.length;
      if (!res.write(part)) {
        res.once('drain', pump);
        return;
      }
    }
    if (!res.destroyed) res.end();
  };
  pump();
}

function misbehave(res: http.ServerResponse, up: Upstream, how: Misbehaviour): void {
  switch (how.kind) {
    case 'html':
      res
        .writeHead(how.status, { 'content-type': 'text/html; charset=utf-8' })
        .end('<html><head><title>错误</title></head><body><h1>网关出错</h1></body></html>');
      return;
    case 'huge':
      sendHuge(res, how.bytes, how.declareLength);
      return;
    case 'truncate': {
      const cut = Math.floor(up.body.length * how.fraction);
      res.writeHead(up.status, { ...plainHeaders(up.headers), ...(how.declareLength ? { 'content-length': String(up.body.length) } : {}) });
      res.write(up.body.subarray(0, cut), () => setTimeout(() => res.socket?.destroy(), 20));
      return;
    }
    case 'rewrite-doc': {
      const body = rewriteBulkGet(up.body, how.id, how.rewrite);
      res.writeHead(up.status, { ...plainHeaders(up.headers), 'content-length': String(body.length) }).end(body);
      return;
    }
  }
}

export async function startHostileProxy(target: { host: string; port: number }): Promise<HostileProxy> {
  if (!isLoopbackHost(target.host)) throw new Error(`hostile proxy forwards to loopback only, not ${target.host}`);
  const agent = new http.Agent({ keepAlive: true });
  let rule: HostileRule | null = null;
  let hits = 0;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const path = req.url ?? '/';
      const active = rule !== null && rule.match(req.method ?? 'GET', path) ? rule : null;
      forward(target, agent, req, Buffer.concat(chunks)).then(
        (up) => {
          if (active) {
            hits += 1;
            try {
              misbehave(res, up, active.misbehave);
            } catch {
              res.socket?.destroy();
            }
            return;
          }
          res.writeHead(up.status, { ...plainHeaders(up.headers), 'content-length': String(up.body.length) }).end(up.body);
        },
        () => res.socket?.destroy(),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no TCP address');
  return {
    url: `http://127.0.0.1:${address.port}`,
    setRule: (next) => {
      rule = next;
    },
    hits: () => hits,
    close: async () => {
      server.closeAllConnections();
      agent.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
