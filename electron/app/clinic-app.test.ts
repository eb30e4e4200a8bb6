import { afterEach, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../services/audit-trail';
import type { AuditEventDoc } from '../../shared/docs';
import { TEST_ADMIN, TEST_SETUP, openTestApp } from './testing';

let opened: Array<{ close(): void }> = [];
afterEach(() => {
  opened.forEach((o) => o.close());
  opened = [];
});

async function open(initialized: boolean) {
  const t = await openTestApp({ initialized });
  opened.push(t);
  return t;
}

describe('first run, login and administration through the router', () => {
  it('sets up once: clinic, departments, administrator; a second setup is refused', async () => {
    const t = await open(false);
    expect(await t.call('setup.status', {})).toMatchObject({ ok: true, value: { initialized: false, clinicName: null } });
    expect(await t.call('auth.login', { username: 'admin', password: 'x' })).toMatchObject({ ok: false, error: { code: 'NOT_SET_UP' } });
    const done = await t.call('setup.initialize', TEST_SETUP);
    expect(done).toMatchObject({ ok: true, value: { clinicCode: 'qingshan', patientIdKey: expect.stringMatching(/^[0-9a-f]{64}$/) } });
    expect(await t.call('setup.status', {})).toMatchObject({ ok: true, value: { initialized: true, clinicName: '青山镇卫生院' } });
    expect(await t.call('setup.initialize', TEST_SETUP)).toMatchObject({ ok: false, error: { code: 'ALREADY_SET_UP' } });
    const stored = t.app.context.data.store.get('user:admin');
    expect(stored?.password_hash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(JSON.stringify(stored)).not.toContain(TEST_ADMIN.password);
  });

  it('rejects a wrong password and an unknown user with the same message', async () => {
    const t = await open(true);
    const wrong = await t.call('auth.login', { username: 'admin', password: 'nope12345' });
    const unknown = await t.call('auth.login', { username: 'ghost', password: 'nope12345' });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'BAD_CREDENTIALS' } });
    expect(unknown).toEqual(wrong);
  });

  it('lets the administrator add departments and users, and enforces roles', async () => {
    const t = await open(true);
    const s = t.adminSession;
    expect(await t.call('admin.createDepartment', { code: '50', name: '中医科', outpatient: true }, s)).toMatchObject({ ok: true });
    expect(await t.call('admin.createDepartment', { code: '50', name: '重复', outpatient: true }, s)).toMatchObject({
      ok: false,
      error: { code: 'DUPLICATE' },
    });
    const deps = await t.call('admin.listDepartments', { outpatientOnly: true }, s);
    expect(deps.ok && deps.value.map((d) => d.code).sort()).toEqual(['03', '07', '50']);

    const created = await t.call(
      'admin.createUser',
      { username: 'li.hua', displayName: '李华', roles: ['doctor'], departmentCodes: ['03'], password: 'Doctor2026' },
      s,
    );
    expect(created).toMatchObject({ ok: true, value: { username: 'li.hua', roles: ['doctor'] } });
    expect(
      await t.call('admin.createUser', { username: 'wang', displayName: '王', roles: ['doctor'], departmentCodes: ['99'], password: 'Doctor2026' }, s),
    ).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED', fields: [{ path: 'departmentCodes' }] },
    });

    const doctor = await t.call('auth.login', { username: 'li.hua', password: 'Doctor2026' });
    expect(doctor.ok).toBe(true);
    const ds = doctor.ok ? doctor.value.sessionToken : '';
    expect(await t.call('admin.createDepartment', { code: '60', name: '外科', outpatient: true }, ds)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await t.call('system.status', {}, ds)).toMatchObject({
      ok: true,
      value: { clinicName: '青山镇卫生院', workstationId: 'W01', user: { displayName: '李华' } },
    });

    expect(await t.call('auth.logout', {}, ds)).toMatchObject({ ok: true });
    expect(await t.call('system.status', {}, ds)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });

  it('keeps an intact SM3 audit chain of the audited calls, with no passwords in it', async () => {
    const t = await open(true);
    await t.call('admin.createDepartment', { code: '50', name: '中医科', outpatient: true }, t.adminSession);
    await t.call('auth.login', { username: 'admin', password: 'wrong-pass1' });
    const events: AuditEventDoc[] = [];
    for (let seq = 1; ; seq += 1) {
      const doc = t.app.context.data.store.get(`audit:W01:${String(seq).padStart(10, '0')}`);
      if (!doc) break;
      events.push(doc as unknown as AuditEventDoc);
    }
    expect(events.map((e) => `${e.action}:${e.outcome}`)).toEqual(['setup.initialize:ok', 'auth.login:ok', 'admin.createDepartment:ok', 'auth.login:failed']);
    expect(verifyAuditChain(events)).toBeNull();
    expect(JSON.stringify(events)).not.toContain(TEST_ADMIN.password);
    const tampered = events.map((e, i) => (i === 1 ? { ...e, actor: 'someone-else' } : e));
    expect(verifyAuditChain(tampered)).toBe(2);
  });
});
