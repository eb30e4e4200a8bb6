import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiResult, InputOf, MethodName, OutputOf } from '../../shared/api';
import { type ClinicApp, createClinicApp } from '../app/clinic-app';
import { TEST_ADMIN, TEST_SETUP } from '../app/testing';
import { RESIDENT_HEALTH_CARD, SOCIAL_SECURITY_CARD } from '../devices/testing/cards';
import { startSimulator, type Simulator } from '../devices/simulator/simulator';

// The device methods through the router, with the app opening a simulated reader and scanner on
// real pseudo-terminals named in the environment, as `npm start` would with CLINIC_CARD_READER set.

let app: ClinicApp;
let dataDir: string;
let reader: Simulator;
let scanner: Simulator;
const sessions = { registrar: '', doctor: '', admin: '' };

async function call<N extends MethodName>(method: N, input: InputOf<N>, session: string): Promise<ApiResult<OutputOf<N>>> {
  return (await app.router.invoke({ method, input, session })) as ApiResult<OutputOf<N>>;
}

async function ok<N extends MethodName>(method: N, input: InputOf<N>, session: string): Promise<OutputOf<N>> {
  const result = await call(method, input, session);
  if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`);
  return result.value;
}

async function until<T>(what: string, read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function login(username: string, password: string): Promise<string> {
  return (await ok('auth.login', { username, password }, '')).sessionToken;
}

beforeAll(async () => {
  reader = await startSimulator({ mode: 'reader' });
  scanner = await startSimulator({ mode: 'scanner' });
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'clinic-devices-'));
  app = await createClinicApp({
    dataDir,
    version: 'test',
    log: () => {},
    environment: { CLINIC_CARD_READER: reader.appPath, CLINIC_SCANNER: scanner.appPath },
  });
  await ok('setup.initialize', TEST_SETUP, '');
  sessions.admin = await login(TEST_ADMIN.username, TEST_ADMIN.password);
  for (const [username, roles] of [
    ['front', ['registrar']],
    ['drli', ['doctor']],
  ] as const) {
    await ok('admin.createUser', { username, displayName: username, roles: [...roles], departmentCodes: ['03'], password: 'Clinic2026ok' }, sessions.admin);
  }
  sessions.registrar = await login('front', 'Clinic2026ok');
  sessions.doctor = await login('drli', 'Clinic2026ok');
  await until(
    'devices ready',
    () => ok('devices.getConfig', {}, sessions.registrar),
    (c) => c.states.every((s) => s.status === 'ready') && c.states.length === 2,
  );
});

afterAll(async () => {
  app?.close();
  await reader?.stop();
  await scanner?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe('devices through the router, on real pseudo-terminals', () => {
  it('reads an inserted card by itself and hands it to the polling screen', async () => {
    const start = await ok('devices.events', {}, sessions.registrar);
    expect(start.events).toEqual([]);
    reader.insert(SOCIAL_SECURITY_CARD);
    const polled = await until(
      'card read',
      () => ok('devices.events', { stream: start.stream, after: start.cursor }, sessions.registrar),
      (r) => r.events.length > 0,
    );
    expect(polled.events[0]).toMatchObject({ type: 'card_read', card: { name: '张建国', cardKind: 'social_security', insuranceNumber: '330783196211022131' } });

    reader.insert(RESIDENT_HEALTH_CARD);
    expect(await ok('devices.readCard', {}, sessions.registrar)).toMatchObject({ status: 'read', card: { name: '王秀英' } });
    reader.remove();
    expect(await ok('devices.readCard', {}, sessions.registrar)).toMatchObject({ status: 'failed', error: { code: 'card_absent' } });
  });

  it('queues a scanned insurance voucher', async () => {
    const start = await ok('devices.events', {}, sessions.doctor);
    await scanner.scan('YBPZ:1:330783196211022131:MFRGGZDFMZTWQ2LKNNWG23TP');
    const polled = await until(
      'scan',
      () => ok('devices.events', { stream: start.stream, after: start.cursor }, sessions.doctor),
      (r) => r.events.length > 0,
    );
    expect(polled.events[0]).toMatchObject({ type: 'scan', scan: { kind: 'insurance_voucher', insuranceNumber: '330783196211022131' } });
  });

  it('shows an unplugged reader in the status bar, and connected again once it is back', async () => {
    await reader.unplug();
    const down = await until(
      'disconnected',
      () => ok('system.status', {}, sessions.registrar),
      (s) => s.devices.state === 'disconnected',
    );
    expect(down.devices.message).toBe('读卡器已断开 · 扫码枪已连接');
    await reader.replug();
    const up = await until(
      'ready again',
      () => ok('system.status', {}, sessions.registrar),
      (s) => s.devices.state === 'ready',
    );
    expect(up.devices.message).toBe('读卡器已连接 · 扫码枪已连接');
  });

  it('lets only device managers change the settings', async () => {
    const denied = await call('devices.saveConfig', { cardReader: null, scanner: null }, sessions.doctor);
    expect(denied).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const bad = await call('devices.saveConfig', { cardReader: { path: '', baudRate: 9601 }, scanner: null }, sessions.registrar);
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.fields?.map((f) => f.message)).toEqual(['请选择或填写串口', '波特率不在常用范围内']);
  });

  it('test-reads the reader on the settings screen while it is in use, then carries on', async () => {
    reader.insert(RESIDENT_HEALTH_CARD);
    const report = await ok('devices.testRead', { kind: 'card_reader', port: { path: reader.appPath, baudRate: 9600 } }, sessions.registrar);
    expect(report).toMatchObject({ outcome: 'reader', card: { state: 'read', holder: { name: '王秀英' } } });
    await until(
      'reader back',
      () => ok('devices.getConfig', {}, sessions.registrar),
      (c) => c.states.find((s) => s.kind === 'card_reader')?.status === 'ready',
    );
    const missing = await ok(
      'devices.testRead',
      { kind: 'card_reader', port: { path: path.join(dataDir, 'no-such-port'), baudRate: 9600 } },
      sessions.registrar,
    );
    expect(missing).toMatchObject({ outcome: 'failed', error: { code: 'port_not_found' } });
  });

  it('saves new settings on this machine and reopens the devices', async () => {
    const saved = await ok('devices.saveConfig', { cardReader: { path: reader.appPath, baudRate: 9600 }, scanner: null }, sessions.registrar);
    expect(saved).toMatchObject({ source: 'saved', settings: { scanner: null } });
    expect(app.context.data.meta.get('device_settings')).toContain(reader.appPath);
    await until(
      'scanner closed',
      () => ok('system.status', {}, sessions.registrar),
      (s) => s.devices.message === '读卡器已连接',
    );
  });
});
