/**
 * A connection reset before any reply byte (a kept-alive connection the server dropped as the
 * request went out) is tried once more when the request may be made twice, and only then.
 */
import http from 'node:http';
import net from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { nodeHttpFetch } from './http-fetch';
import { createRemoteFetch } from './remote-fetch';
import { safeToRepeat } from './repeat-request';

/** A server that answers every request with what it received, behind a proxy that resets its first `resets` connections. */
async function resettingProxy(resets: number) {
  const received: string[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      received.push(`${req.method} ${req.url}`);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ ok: true, method: req.method, bytes: body.length }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const backend = (server.address() as net.AddressInfo).port;
  let connections = 0;
  const proxy = net.createServer((client) => {
    connections += 1;
    if (connections <= resets) {
      // The request's first bytes arrive, then the connection is reset: no reply byte at all.
      client.once('data', () => client.resetAndDestroy());
      return;
    }
    const upstream = net.connect(backend, '127.0.0.1');
    client.pipe(upstream).pipe(client);
    client.on('error', () => upstream.destroy());
    upstream.on('error', () => client.destroy());
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(proxy.address() as net.AddressInfo).port}`;
  return {
    url,
    received,
    connections: () => connections,
    async close() {
      server.closeAllConnections();
      await Promise.all([new Promise((r) => proxy.close(r)), new Promise((r) => server.close(r))]);
    },
  };
}

describe('a reset before the reply', () => {
  let peer: Awaited<ReturnType<typeof resettingProxy>>;
  beforeEach(async () => {
    peer = await resettingProxy(1);
  });
  afterEach(() => peer.close());
  const fetchOnce = () => createRemoteFetch({ timeoutMs: 5_000, fetch: nodeHttpFetch() });

  it.each([
    ['GET', '/clinic_xz01/_changes?since=0', undefined],
    ['POST', '/clinic_xz01/_bulk_get?revs=true', '{"docs":[]}'],
    ['POST', '/clinic_xz01/_revs_diff', '{}'],
    ['POST', '/clinic_xz01/_bulk_docs', '{"docs":[{"_id":"a","_rev":"1-x"}],"new_edits":false}'],
  ])('%s %s is sent again once and answered', async (method, path, body) => {
    const response = await fetchOnce()(`${peer.url}${path}`, { method, body });
    expect(response.status).toBe(200);
    expect(peer.connections()).toBe(2);
    expect(peer.received).toEqual([`${method} ${path}`]);
  });

  it.each([
    ['POST', '/clinic_xz01/_bulk_docs', '{"docs":[{"_id":"a"}]}'],
    ['PUT', '/clinic_xz01/_local/checkpoint', '{"last_seq":5}'],
  ])('%s %s, which could be applied twice, fails as it is', async (method, path, body) => {
    await expect(fetchOnce()(`${peer.url}${path}`, { method, body })).rejects.toMatchObject({ code: 'ECONNRESET' });
    expect(peer.connections()).toBe(1);
    expect(peer.received).toEqual([]);
  });

  it('is tried once only: a second reset is the error', async () => {
    await peer.close();
    peer = await resettingProxy(2);
    await expect(fetchOnce()(`${peer.url}/clinic_xz01/_changes`, { method: 'GET' })).rejects.toMatchObject({ code: 'ECONNRESET' });
    expect(peer.connections()).toBe(2);
  });
});

describe('safeToRepeat', () => {
  it('knows a replication write by its new_edits flag, whatever the spacing', () => {
    expect(safeToRepeat('POST', 'http://h/db/_bulk_docs', '{"docs":[],"new_edits": false }')).toBe(true);
    expect(safeToRepeat('POST', 'http://h/db/_bulk_docs', '{"docs":[],"new_edits":true}')).toBe(false);
    expect(safeToRepeat('POST', 'http://h/db/_bulk_docs', '{"docs":[{"new_edits":false}]}')).toBe(false);
    expect(safeToRepeat('DELETE', 'http://h/db/doc', undefined)).toBe(false);
  });
});
