import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ApiResult, InputOf, MethodName, OutputOf } from '../../../shared/api';
import { type ClinicApp, createClinicApp } from '../clinic-app';

export const TEST_ADMIN = { username: 'admin', displayName: '张管理', password: 'Admin2026' } as const;

export const TEST_SETUP: InputOf<'setup.initialize'> = {
  clinic: { name: '青山镇卫生院', code: 'qingshan' },
  departments: [
    { code: '03', name: '内科', outpatient: true },
    { code: '07', name: '儿科', outpatient: true },
    { code: 'BA', name: '病案室', outpatient: false },
  ],
  admin: { ...TEST_ADMIN },
  workstationId: 'W01',
};

/** A clinic app on a throw-away data folder, plus a typed `call` helper for tests. */
export async function openTestApp(options: { initialized?: boolean } = {}) {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'clinic-app-'));
  const app: ClinicApp = await createClinicApp({ dataDir, version: 'test', log: () => {} });
  const call = async <N extends MethodName>(method: N, input: InputOf<N>, session?: string): Promise<ApiResult<OutputOf<N>>> =>
    (await app.router.invoke({ method, input, session })) as ApiResult<OutputOf<N>>;
  let adminSession = '';
  if (options.initialized) {
    const setup = await call('setup.initialize', TEST_SETUP);
    if (!setup.ok) throw new Error(setup.error.message);
    const login = await call('auth.login', { username: TEST_ADMIN.username, password: TEST_ADMIN.password });
    if (!login.ok) throw new Error(login.error.message);
    adminSession = login.value.sessionToken;
  }
  return {
    app,
    dataDir,
    call,
    adminSession,
    close() {
      app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
