/**
 * A workstation of a centre whose hub is out of reach: registration goes on, and the 就诊序号 it
 * gives carries the workstation's prefix, so no other desk can give the same one; the status says
 * plainly that this PC keeps working.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ApiResult, InputOf, MethodName, OutputOf } from '../../shared/api';
import { createClinicApp, type ClinicApp } from '../app/clinic-app';
import { TEST_ADMIN, TEST_SETUP } from '../app/testing';
import { closedLoopbackPort } from '../sync/testing/ports';

let app: ClinicApp;
let dataDir = '';
let session = '';
const call = async <N extends MethodName>(method: N, input: InputOf<N>): Promise<OutputOf<N>> => {
  const result = (await app.router.invoke({ method, input, session: session || undefined })) as ApiResult<OutputOf<N>>;
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return result.value;
};

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'clinic-lan-link-'));
  const environment = { CLINIC_LAN_URL: `http://127.0.0.1:${await closedLoopbackPort()}`, CLINIC_LAN_PASSWORD: 'x' };
  app = await createClinicApp({ dataDir, version: 'test', log: () => undefined, environment });
  await call('setup.initialize', { ...TEST_SETUP, workstationId: 'W02' });
  session = (await call('auth.login', { username: TEST_ADMIN.username, password: TEST_ADMIN.password })).sessionToken;
  await call('admin.createUser', { username: 'front', displayName: '赵挂号', password: 'Front2026ok', roles: ['registrar'], departmentCodes: [] });
  session = (await call('auth.login', { username: 'front', password: 'Front2026ok' })).sessionToken;
});

afterAll(() => {
  app.close();
  rmSync(dataDir, { recursive: true, force: true });
});

it('numbers visits with the workstation prefix while the hub is unreachable, and says this PC keeps working', async () => {
  const labels: string[] = [];
  for (const name of ['王秀英', '陈德明']) {
    const patient = await call('patients.register', {
      patient: { name, sex: '2', birthDate: '1950-01-01', cards: [], allergies: [] },
      acknowledgedDuplicates: true,
    });
    labels.push((await call('visits.register', { patientId: patient.id, departmentCode: '03', visitType: 'first', feeCategory: 'self' })).queueLabel);
  }
  expect(labels).toEqual(['2-01', '2-02']);
  const today = await call('visits.listToday', {});
  expect(today.visits.map((v) => v.queueLabel).sort()).toEqual(['2-01', '2-02']);
  for (let i = 0; i < 100 && (await call('lan.status', {})).link.state !== 'unreachable'; i++) await new Promise((r) => setTimeout(r, 50));
  const { link } = await call('lan.status', {});
  expect(link.state).toBe('unreachable');
  expect(link.message).toBe('本院主机连接中断，本机继续工作，恢复后自动同步。');
  expect(link.pendingChanges).toBeGreaterThan(0);
});
