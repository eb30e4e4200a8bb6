/**
 * Staff accounts and departments after set-up, through the router as the screens call it: stopping
 * an account ends its sessions and its logins, a new password replaces the old one, roles change
 * what a user may do, and the clinic can never lose its last administrator.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestApp, TEST_ADMIN } from '../app/testing';

let t: Awaited<ReturnType<typeof openTestApp>>;
beforeEach(async () => {
  t = await openTestApp({ initialized: true });
});
afterEach(() => t.close());

const DOCTOR = { username: 'li.yisheng', displayName: '李医生', roles: ['doctor' as const], departmentCodes: ['03'], password: 'Doctor2026' };

async function loginAs(username: string, password: string): Promise<string> {
  const login = await t.call('auth.login', { username, password });
  if (!login.ok) throw new Error(login.error.code);
  return login.value.sessionToken;
}

describe('admin: changing users and departments', () => {
  it('stops an account: its open session ends, it cannot log in, and it is no longer offered as a doctor; starting it again lets it back in', async () => {
    expect((await t.call('admin.createUser', DOCTOR, t.adminSession)).ok).toBe(true);
    const doctorSession = await loginAs(DOCTOR.username, DOCTOR.password);
    expect((await t.call('auth.currentUser', {}, doctorSession)).ok).toBe(true);

    const stopped = await t.call('admin.updateUser', { username: DOCTOR.username, active: false }, t.adminSession);
    expect(stopped).toMatchObject({ ok: true, value: { username: DOCTOR.username, active: false } });
    expect(await t.call('auth.currentUser', {}, doctorSession)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(await t.call('auth.login', { username: DOCTOR.username, password: DOCTOR.password })).toMatchObject({
      ok: false,
      error: { code: 'ACCOUNT_DISABLED' },
    });
    const listed = await t.call('admin.listUsers', {}, t.adminSession);
    expect(listed.ok && listed.value.find((u) => u.username === DOCTOR.username)?.active).toBe(false);

    expect((await t.call('admin.updateUser', { username: DOCTOR.username, active: true }, t.adminSession)).ok).toBe(true);
    await loginAs(DOCTOR.username, DOCTOR.password);
  });

  it('sets a new password: the old one stops working and whoever was logged in with it is logged out', async () => {
    expect((await t.call('admin.createUser', DOCTOR, t.adminSession)).ok).toBe(true);
    const before = await loginAs(DOCTOR.username, DOCTOR.password);
    expect((await t.call('admin.resetPassword', { username: DOCTOR.username, password: 'Fresh2026pw' }, t.adminSession)).ok).toBe(true);
    expect(await t.call('auth.currentUser', {}, before)).toMatchObject({ ok: false });
    expect(await t.call('auth.login', { username: DOCTOR.username, password: DOCTOR.password })).toMatchObject({
      ok: false,
      error: { code: 'BAD_CREDENTIALS' },
    });
    await loginAs(DOCTOR.username, 'Fresh2026pw');
    // The administrator who made the change stays logged in.
    expect((await t.call('auth.currentUser', {}, t.adminSession)).ok).toBe(true);
    // A too-short password is refused next to the field.
    const weak = await t.call('admin.resetPassword', { username: DOCTOR.username, password: 'short1' }, t.adminSession);
    expect(weak).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect(!weak.ok && weak.error.fields?.map((f) => `${f.path}: ${f.message}`)).toEqual(['password: 密码至少 8 位']);
  });

  it('changes roles, name and departments; a role change takes effect at the next login', async () => {
    expect((await t.call('admin.createUser', DOCTOR, t.adminSession)).ok).toBe(true);
    const session = await loginAs(DOCTOR.username, DOCTOR.password);
    const changed = await t.call(
      'admin.updateUser',
      { username: DOCTOR.username, displayName: '李建华', roles: ['doctor', 'registrar'], departmentCodes: ['03', '07'] },
      t.adminSession,
    );
    expect(changed).toMatchObject({ ok: true, value: { displayName: '李建华', roles: ['doctor', 'registrar'], departmentCodes: ['03', '07'], active: true } });
    expect(await t.call('auth.currentUser', {}, session)).toMatchObject({ ok: false });
    const again = await loginAs(DOCTOR.username, DOCTOR.password);
    expect(await t.call('auth.currentUser', {}, again)).toMatchObject({ ok: true, value: { displayName: '李建华' } });
    expect(await t.call('admin.updateUser', { username: DOCTOR.username, departmentCodes: ['99'] }, t.adminSession)).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED', fields: [{ path: 'departmentCodes' }] },
    });
    expect(await t.call('admin.updateUser', { username: 'nobody', active: false }, t.adminSession)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('never stops or demotes the caller, nor the last active administrator', async () => {
    expect(await t.call('admin.updateUser', { username: TEST_ADMIN.username, active: false }, t.adminSession)).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED', fields: [{ path: 'active' }] },
    });
    expect(await t.call('admin.updateUser', { username: TEST_ADMIN.username, roles: ['doctor'] }, t.adminSession)).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED', fields: [{ path: 'roles' }] },
    });
    // A second administrator may be stopped by the first, but that leaves the first as the last one.
    expect((await t.call('admin.createUser', { ...DOCTOR, username: 'wang.admin', roles: ['admin'] }, t.adminSession)).ok).toBe(true);
    const second = await loginAs('wang.admin', DOCTOR.password);
    expect((await t.call('admin.updateUser', { username: 'wang.admin', active: false }, t.adminSession)).ok).toBe(true);
    expect(await t.call('auth.currentUser', {}, second)).toMatchObject({ ok: false });
    // Only one active administrator is left; a non-admin cannot change accounts at all.
    expect((await t.call('admin.createUser', DOCTOR, t.adminSession)).ok).toBe(true);
    const doctor = await loginAs(DOCTOR.username, DOCTOR.password);
    expect(await t.call('admin.updateUser', { username: TEST_ADMIN.username, active: false }, doctor)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  });

  it('gives an administrator a role added to their own account in the same login; their other logins end, as they do for anyone whose roles change', async () => {
    const otherLogin = await loginAs(TEST_ADMIN.username, TEST_ADMIN.password);
    expect(await t.call('visits.listToday', {}, t.adminSession)).toMatchObject({ ok: true });
    expect(await t.call('patients.register', { name: '王秀英' } as never, t.adminSession)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

    const saved = await t.call('admin.updateUser', { username: TEST_ADMIN.username, roles: ['admin', 'registrar'] }, t.adminSession);
    expect(saved).toMatchObject({ ok: true, value: { roles: ['admin', 'registrar'] } });
    expect(await t.call('auth.currentUser', {}, t.adminSession)).toMatchObject({ ok: true, value: { roles: ['admin', 'registrar'] } });
    // The registrar's methods now pass the permission check (this one then asks for the fields it needs).
    expect(await t.call('patients.register', { name: '王秀英' } as never, t.adminSession)).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    // Another open login of the same account carried the old rights: it is ended, as for anyone whose roles change.
    expect(await t.call('auth.currentUser', {}, otherLogin)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });

  it('renames a department and stops it taking outpatients; the registration desk no longer offers it', async () => {
    const renamed = await t.call('admin.updateDepartment', { code: '07', name: '儿童保健科' }, t.adminSession);
    expect(renamed).toMatchObject({ ok: true, value: { code: '07', name: '儿童保健科', outpatient: true, active: true } });
    expect((await t.call('admin.updateDepartment', { code: '07', active: false }, t.adminSession)).ok).toBe(true);
    const offered = await t.call('admin.listDepartments', { outpatientOnly: true }, t.adminSession);
    expect(offered.ok && offered.value.map((d) => d.code)).toEqual(['03']);
    const all = await t.call('admin.listDepartments', {}, t.adminSession);
    expect(all.ok && all.value.find((d) => d.code === '07')).toMatchObject({ name: '儿童保健科', active: false });
    expect(await t.call('admin.updateDepartment', { code: 'ZZ', active: false }, t.adminSession)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
