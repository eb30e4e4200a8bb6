/**
 * Test helpers for the registration methods: a set-up clinic with a registrar and two internists,
 * and forms with valid resident ID numbers. Used by the patients and visits tests.
 */
import type { InputOf } from '../../../shared/api';
import { makeResidentId } from '../../../shared/identity';
import { openTestApp } from '../../app/testing';

export type TestApp = Awaited<ReturnType<typeof openTestApp>>;

export interface RegistrationTestApp extends TestApp {
  /** Session of 王挂号, a registrar. */
  readonly registrar: string;
  /** Session of 李医生 (internal medicine), a doctor. */
  readonly doctor: string;
}

async function userSession(t: TestApp, input: InputOf<'admin.createUser'>): Promise<string> {
  const made = await t.call('admin.createUser', input, t.adminSession);
  if (!made.ok) throw new Error(made.error.message);
  const login = await t.call('auth.login', { username: input.username, password: input.password });
  if (!login.ok) throw new Error(login.error.message);
  return login.value.sessionToken;
}

export async function openRegistrationApp(): Promise<RegistrationTestApp> {
  const t = await openTestApp({ initialized: true });
  const registrar = await userSession(t, { username: 'reg.wang', displayName: '王挂号', roles: ['registrar'], departmentCodes: [], password: 'Regist2026' });
  const doctor = await userSession(t, { username: 'dr.li', displayName: '李医生', roles: ['doctor'], departmentCodes: ['03'], password: 'Doctor2026' });
  await userSession(t, { username: 'dr.zhao', displayName: '赵医生', roles: ['doctor'], departmentCodes: ['03'], password: 'Doctor2026' });
  return { ...t, registrar, doctor };
}

export type PatientFormInput = InputOf<'patients.register'>['patient'];

/** A patient form with a valid resident ID number born on `birthDate` (odd `seq`: male). */
export function residentForm(name: string, birthDate: string, seq: number, extra: Partial<PatientFormInput> = {}): PatientFormInput {
  return { name, sex: seq % 2 === 1 ? '1' : '2', idType: '01', idNumber: makeResidentId('130582', birthDate, seq), ...extra };
}

export async function mustRegister(t: RegistrationTestApp, patient: PatientFormInput, acknowledgedDuplicates = false) {
  const result = await t.call('patients.register', { patient, acknowledgedDuplicates }, t.registrar);
  if (!result.ok) throw new Error(`${result.error.code} ${result.error.message}`);
  return result.value;
}
