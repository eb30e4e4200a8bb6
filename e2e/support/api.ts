import type { ApiResult, InputOf, MethodName, OutputOf } from '../../shared/api';
import type { ClinicServer } from './server';

/**
 * Calls the back end directly, the way the renderer's HTTP transport does: to set up a clinic
 * quickly in tests that are about something after the wizard.
 */
export async function invoke<N extends MethodName>(server: ClinicServer, method: N, input: InputOf<N>, session?: string): Promise<OutputOf<N>> {
  const response = await fetch(`${server.origin}/api/invoke`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Clinic-Token': server.token },
    body: JSON.stringify(session ? { method, input, session } : { method, input }),
  });
  const result = (await response.json()) as ApiResult<OutputOf<N>>;
  if (!result.ok) throw new Error(`${method} failed: ${result.error.code} ${result.error.message}`);
  return result.value;
}

export const TEST_CLINIC = {
  name: '东乡镇卫生院',
  code: 'dongxiang',
  adminUsername: 'admin',
  adminName: '王建国',
  adminPassword: 'Wsy2025ok',
} as const;

/** A clinic set up with the defaults the wizard offers, ready for login. */
export async function setUpClinic(server: ClinicServer): Promise<void> {
  await invoke(server, 'setup.initialize', {
    clinic: { name: TEST_CLINIC.name, code: TEST_CLINIC.code },
    departments: [
      { code: '03', name: '内科', outpatient: true },
      { code: '04', name: '外科', outpatient: true },
      { code: '07', name: '儿科', outpatient: true },
    ],
    admin: { username: TEST_CLINIC.adminUsername, displayName: TEST_CLINIC.adminName, password: TEST_CLINIC.adminPassword },
    workstationId: 'W01',
  });
}
