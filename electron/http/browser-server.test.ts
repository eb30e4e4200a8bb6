import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { method } from '../../shared/api/define';
import { Router } from '../ipc/router';
import { testRouterHooks } from '../ipc/testing/router-hooks';
import { type BrowserServer, startBrowserServer } from './browser-server';

let server: BrowserServer;
let dir: string;

function call(options: { path: string; method?: string; headers?: Record<string, string>; body?: string }): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, path: options.path, method: options.method ?? 'GET', headers: options.headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'clinic-http-'));
  writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>诊疗</title>');
  const contract = {
    'setup.status': method({
      input: z.object({ x: z.number() }).strict(),
      output: z.object({ doubled: z.number() }),
      permission: 'public',
      requiresSetup: false,
      audit: 'none',
      summary: '',
    }),
  };
  const router = new Router(testRouterHooks().hooks, contract);
  router.implement('setup.status', (input) => ({ doubled: input.x * 2 }));
  server = await startBrowserServer({ router, staticDir: dir });
});

afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

const api = (body: string, headers: Record<string, string> = {}) =>
  call({ path: '/api/invoke', method: 'POST', body, headers: { 'content-type': 'application/json', 'x-clinic-token': server.token, ...headers } });

describe('browser-mode server', () => {
  it('listens on loopback and prints the token in the URL fragment only', () => {
    expect(server.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${server.port}/#token=[0-9a-f]{48}$`));
  });

  it('answers a valid call through the router', async () => {
    const res = await api(JSON.stringify({ method: 'setup.status', input: { x: 21 } }));
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toEqual({ ok: true, value: { doubled: 42 } });
  });

  it('refuses a missing or wrong token, a foreign Host and a foreign Origin', async () => {
    const body = JSON.stringify({ method: 'setup.status', input: { x: 1 } });
    expect((await api(body, { 'x-clinic-token': 'nope' })).status).toBe(401);
    expect((await api(body, { host: `evil.example:${server.port}` })).status).toBe(421);
    expect((await api(body, { origin: 'http://evil.example' })).status).toBe(403);
    expect((await api(body, { origin: `http://127.0.0.1:${server.port}` })).status).toBe(200);
  });

  it('turns malformed JSON and wrong payloads into typed errors', async () => {
    const garbled = await api('{"method":');
    expect(garbled.status).toBe(400);
    expect(JSON.parse(garbled.body)).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect(JSON.parse((await api(JSON.stringify({ method: 'setup.status', input: { x: 'a' } }))).body)).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED' },
    });
  });

  it('serves the renderer and never a file outside its folder', async () => {
    const index = await call({ path: '/' });
    expect(index.status).toBe(200);
    expect(index.body).toContain('诊疗');
    const escape = await call({ path: '/..%2f..%2fetc%2fpasswd' });
    expect(escape.body).not.toContain('root:');
    expect([403, 200]).toContain(escape.status);
  });
});
