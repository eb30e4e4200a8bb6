/**
 * The request boundary of browser mode and IPC, on a real clinic app: a real HTTP server on
 * 127.0.0.1:0 and a real client. An oversized body gets its typed 413 (not a reset), bytes that are
 * not UTF-8 and text with lone surrogates are refused with nothing written, and dates must exist.
 */
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiResult } from '../../shared/api';
import { makeResidentId } from '../../shared/identity';
import { openTestApp } from '../app/testing';
import { type BrowserServer, startBrowserServer } from './browser-server';
import { MAX_BODY_BYTES } from './request-body';

let t: Awaited<ReturnType<typeof openTestApp>>;
let server: BrowserServer;
let registrar = '';

beforeAll(async () => {
  t = await openTestApp({ initialized: true });
  const user = { username: 'reg.wang', displayName: '王挂号', roles: ['registrar' as const], departmentCodes: [], password: 'Regist2026' };
  const made = await t.call('admin.createUser', user, t.adminSession);
  if (!made.ok) throw new Error(made.error.message);
  const login = await t.call('auth.login', { username: user.username, password: user.password });
  if (!login.ok) throw new Error(login.error.message);
  registrar = login.value.sessionToken;
  server = await startBrowserServer({ router: t.app.router, staticDir: t.dataDir });
});

afterAll(async () => {
  await server.close();
  t.close();
});

interface Answer {
  readonly status: number;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly body: ApiResult<unknown>;
}

/** POSTs raw bytes to /api/invoke, in 64 KiB writes as a real client streams a large body. */
function post(body: Buffer): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: server.port,
        path: '/api/invoke',
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': body.length, 'x-clinic-token': server.token },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as ApiResult<unknown> }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    const step = 64 * 1024;
    for (let at = 0; at < body.length; at += step) req.write(body.subarray(at, at + step));
    req.end();
  });
}

const envelope = (method: string, input: unknown, session = registrar): Buffer => Buffer.from(JSON.stringify({ method, input, session }), 'utf8');
const updateSeq = () => t.app.context.data.store.info().updateSeq;
const patient = (name: string) => ({ name, sex: '1', idType: '01', idNumber: makeResidentId('130582', '1956-03-14', 1) });

describe('request boundary', () => {
  it('answers a body over 4 MiB with the typed 413 and closes, every time', async () => {
    const before = updateSeq();
    const padding = 'x'.repeat(MAX_BODY_BYTES);
    for (let i = 0; i < 5; i++) {
      const answer = await post(envelope('patients.register', { patient: patient(`王${padding}`) }));
      expect(answer.status).toBe(413);
      expect(answer.headers.connection).toBe('close');
      expect(answer.body).toMatchObject({ ok: false, error: { code: 'PAYLOAD_TOO_LARGE', message: expect.stringContaining('太大') } });
    }
    expect(updateSeq()).toBe(before);
    // The server is still there for the next, ordinary call.
    expect((await post(envelope('visits.listToday', {}))).status).toBe(200);
  });

  it('refuses bytes that are not UTF-8 with a typed error, and writes nothing', async () => {
    const before = updateSeq();
    const good = envelope('patients.register', { patient: patient('王小五') });
    const at = good.indexOf(Buffer.from('小', 'utf8'));
    const broken = Buffer.concat([good.subarray(0, at), Buffer.from([0xe5, 0xb0]), good.subarray(at + 3)]); // 小 cut to two of its three bytes
    const answer = await post(broken);
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ ok: false, error: { code: 'BAD_ENCODING', message: expect.stringContaining('UTF-8') } });
    expect(updateSeq()).toBe(before);
    const overlong = Buffer.concat([good.subarray(0, at), Buffer.from([0xc0, 0xaf]), good.subarray(at + 3)]);
    expect((await post(overlong)).body).toMatchObject({ ok: false, error: { code: 'BAD_ENCODING' } });
    expect(updateSeq()).toBe(before);
  });

  it('refuses text with a lone surrogate on the field, over HTTP (a JSON escape) and IPC (a string as cloned)', async () => {
    const before = updateSeq();
    const overHttp = await post(
      Buffer.from(
        envelope('patients.register', { patient: patient('王_五') })
          .toString('utf8')
          .replace('王_五', '王\\ud800五'),
        'utf8',
      ),
    );
    expect(overHttp.status).toBe(200);
    expect(overHttp.body).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED', fields: [{ path: 'patient.name', message: expect.stringContaining('无法识别的字符') }] },
    });
    const overIpc = await t.app.router.invoke({ method: 'patients.register', input: { patient: patient('\udc00卫生院') }, session: registrar });
    expect(overIpc).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', fields: [{ path: 'patient.name' }] } });
    expect(updateSeq()).toBe(before);
    // A character outside the basic plane (a proper surrogate pair) is ordinary text.
    const pair = await t.app.router.invoke({ method: 'patients.register', input: { patient: patient('王𠀀五') }, session: registrar });
    expect(pair).toMatchObject({ ok: true });
  });

  it.each(['9999-99-99', '0000-00-00', '2026-02-29', '2025-04-31', '2025-13-01'])(
    'refuses the date %s in visits.listToday: it does not exist',
    async (date) => {
      const answer = await post(envelope('visits.listToday', { date }));
      expect(answer.body).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION_FAILED', fields: [{ path: 'date', message: expect.stringContaining('日期不存在') }] },
      });
    },
  );

  it('accepts a real date, a leap day included, and words a malformed one as a format problem', async () => {
    expect((await post(envelope('visits.listToday', { date: '2024-02-29' }))).body).toMatchObject({ ok: true, value: { date: '2024-02-29' } });
    expect((await post(envelope('visits.listToday', { date: '2024-2-9' }))).body).toMatchObject({
      ok: false,
      error: { fields: [{ path: 'date', message: expect.stringContaining('2026-03-14') }] },
    });
  });
});
