/**
 * The county's HTTP client over node:http: whole chunked replies on kept-alive connections under
 * concurrency (node-fetch 2.6.9 destroyed some as "Premature close"), cut-off replies as lost
 * connections, compressed requests and replies, and the size cap after inflating.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classifySyncError } from './errors';
import { nodeHttpFetch } from './http-fetch';
import { createRemoteFetch, keepAliveAgents } from './remote-fetch';

describe('nodeHttpFetch', () => {
  let server: http.Server;
  let base = '';
  const received: Array<{ encoding: string | undefined; body: string }> = [];

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const raw = Buffer.concat(chunks);
        const encoding = req.headers['content-encoding'];
        received.push({ encoding, body: (encoding === 'gzip' ? zlib.gunzipSync(raw) : raw).toString('utf8') });
        const n = Number(new URL(req.url ?? '/', 'http://x').searchParams.get('n') ?? 0);
        if (req.url?.startsWith('/chunked')) {
          // A chunked JSON reply in several pieces, on a kept-alive connection.
          res.writeHead(200, { 'content-type': 'application/json' });
          res.write(`{"n":${n},"rows":[`);
          setImmediate(() => res.end(`${Array.from({ length: 50 }, (_, i) => i).join(',')}]}`));
        } else if (req.url?.startsWith('/cut')) {
          res.writeHead(200, { 'content-type': 'application/json' });
          res.write('{"rows":[1,2,');
          setTimeout(() => res.socket?.destroy(), 20);
        } else if (req.url?.startsWith('/gzip-bomb')) {
          res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
          res.end(zlib.gzipSync(Buffer.alloc(4 * 1024 * 1024, 32)));
        } else {
          res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
          res.end(zlib.gzipSync(JSON.stringify({ ok: true })));
        }
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('reads every chunked reply whole when many share a few kept-alive connections', async () => {
    const agents = keepAliveAgents();
    try {
      const fetch = createRemoteFetch({ timeoutMs: 10_000, agents, fetch: nodeHttpFetch() });
      const replies = await Promise.all(Array.from({ length: 200 }, (_, n) => fetch(`${base}/chunked?n=${n}`).then((r) => r.json())));
      expect(replies.map((r) => (r as { n: number }).n)).toEqual(Array.from({ length: 200 }, (_, n) => n));
      for (const r of replies) expect((r as { rows: number[] }).rows).toHaveLength(50);
    } finally {
      agents.destroy();
    }
  });

  it('tells a chunked reply cut off mid-body as a lost connection', async () => {
    const fetch = createRemoteFetch({ timeoutMs: 10_000, fetch: nodeHttpFetch() });
    const error = await fetch(`${base}/cut`).then(
      () => null,
      (e: unknown) => e,
    );
    expect(classifySyncError(error).code).toBe('SYNC_CONNECTION_LOST');
  });

  it('compresses large request bodies when asked, and inflates compressed replies', async () => {
    const fetch = createRemoteFetch({ timeoutMs: 10_000, compressRequests: true, fetch: nodeHttpFetch() });
    const large = JSON.stringify({ docs: Array.from({ length: 100 }, (_, i) => ({ _id: `patient:${i}`, name: '王五' })) });
    const reply = await fetch(`${base}/plain`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: large });
    expect(await reply.json()).toEqual({ ok: true });
    expect(received.at(-1)).toEqual({ encoding: 'gzip', body: large });
    await fetch(`${base}/plain`, { method: 'POST', body: '{"keys":[]}' });
    expect(received.at(-1)).toEqual({ encoding: undefined, body: '{"keys":[]}' });
  });

  it('holds the size cap on what a compressed reply inflates to', async () => {
    const fetch = createRemoteFetch({ timeoutMs: 10_000, maxReplyBytes: 1024 * 1024, fetch: nodeHttpFetch() });
    const error = await fetch(`${base}/gzip-bomb`).then(
      () => null,
      (e: unknown) => e,
    );
    expect(classifySyncError(error).code).toBe('SYNC_REPLY_TOO_LARGE');
  });
});
