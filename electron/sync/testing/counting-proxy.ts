/**
 * An HTTP proxy for tests that counts, per database, the documents a county server is sent through
 * `_bulk_docs`, whatever the server is (Apache CouchDB 3 keeps no such count; the express-pouchdb
 * peer's own `stats()` is not available there). A request is counted once its whole body has
 * arrived, before it is passed on, so a count never misses what the server may have written.
 *
 * Loopback only, on both sides.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import zlib from 'node:zlib';
import { isLoopbackHost } from '../loopback';

export interface CountingProxy {
  readonly url: string;
  /** Documents sent through `_bulk_docs`, per database. */
  bulkDocsReceived(database: string): number;
  close(): Promise<void>;
}

export async function startCountingProxy(target: { host: string; port: number }): Promise<CountingProxy> {
  if (!isLoopbackHost(target.host)) throw new Error('counting proxy forwards to loopback only');
  const counts = new Map<string, number>();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const match = /^\/([^/?]+)\/_bulk_docs/.exec(req.url ?? '');
      if (match && req.method === 'POST') {
        const plain = req.headers['content-encoding'] === 'gzip' ? zlib.gunzipSync(body) : body;
        const docs = (JSON.parse(plain.toString('utf8')) as { docs?: unknown[] }).docs ?? [];
        const database = decodeURIComponent(match[1]);
        counts.set(database, (counts.get(database) ?? 0) + docs.length);
      }
      const upstream = http.request(
        { host: target.host, port: target.port, method: req.method, path: req.url, headers: { ...req.headers, 'content-length': String(body.length) } },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      upstream.on('error', () => res.destroy());
      res.on('close', () => upstream.destroy());
      upstream.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    bulkDocsReceived: (database) => counts.get(database) ?? 0,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
