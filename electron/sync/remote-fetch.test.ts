/**
 * The request deadline holds when garbage collection runs (a deadline made with
 * `AbortSignal.any([caller, AbortSignal.timeout(ms)])` stops firing after a collection on Node 20,
 * https://github.com/nodejs/node/issues/57736), both for a server that never answers and for one
 * that sends its headers and part of the body, then nothing. Run in a child Node that forces a
 * collection every 5 ms.
 */
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnTsScript } from './testing/spawn-ts';

const SCRIPT = path.join(path.dirname(fileURLToPath(import.meta.url)), 'testing', 'deadline-under-gc.ts');

describe('request deadline under forced garbage collection', () => {
  let server: http.Server;
  let base = '';
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      if (req.url === '/silent') return; // never answers
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '1000' });
      res.write('{"results":['); // then nothing
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    if (address === null || typeof address === 'string') throw new Error('no TCP address');
    base = `http://127.0.0.1:${address.port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it.each(['/silent', '/stalled-body'])('%s ends at its deadline', async (route) => {
    const script = spawnTsScript(SCRIPT, [`${base}${route}`, '400'], {}, 20_000);
    const ready = await script.ready;
    await script.exited;
    expect(ready.error).not.toBeNull();
    expect(Number(ready.endedAfterMs)).toBeGreaterThanOrEqual(350);
    expect(Number(ready.endedAfterMs)).toBeLessThan(3_000);
  });
});
