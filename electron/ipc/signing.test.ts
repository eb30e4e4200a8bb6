/**
 * The signing methods through the router, as the screens call them: the PIN, signing, checking,
 * amendments and their history, each audited (writes in the write's transaction, reads after).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { registerDocumentType } from '../../shared/docs';
import { openTestApp } from '../app/testing';
import { testNote } from '../signing/testing/fixture';

let t: Awaited<ReturnType<typeof openTestApp>>;
let unregister: () => void;
let doctor = '';
let registrar = '';
const NOTE = 'test_note:0001';
const PIN = '802613';

beforeEach(async () => {
  unregister = registerDocumentType(testNote);
  t = await openTestApp({ initialized: true });
  const users = [
    { username: 'li.yisheng', displayName: '李医生', roles: ['doctor' as const], departmentCodes: ['03'], password: 'Doctor2026' },
    { username: 'wang.guahao', displayName: '王挂号', roles: ['registrar' as const], departmentCodes: [], password: 'Regist2026' },
  ];
  const sessions: string[] = [];
  for (const user of users) {
    expect((await t.call('admin.createUser', user, t.adminSession)).ok).toBe(true);
    const login = await t.call('auth.login', { username: user.username, password: user.password });
    if (!login.ok) throw new Error(login.error.code);
    sessions.push(login.value.sessionToken);
  }
  [doctor, registrar] = sessions;
  const at = new Date().toISOString();
  const [written] = t.app.context.data.store.bulkDocs([
    {
      ...testNote.example,
      _id: NOTE,
      clinic_code: 'qingshan',
      created_at: at,
      updated_at: at,
      created_by: 'li.yisheng',
      updated_by: 'li.yisheng',
    },
  ]);
  expect(written.ok).toBe(true);
});
afterEach(() => {
  t.close();
  unregister();
});

const auditActions = () =>
  t.app.context.data.store
    .changes({ includeDocs: true })
    .results.map((row) => row.doc!)
    .filter((doc) => doc.type === 'audit')
    .map((doc) => [doc.action, doc.outcome, doc.target_ids]);

describe('signing through the router', () => {
  it('sets a PIN, signs, verifies, amends and lists the history; every step is audited', async () => {
    expect(await t.call('signing.status', {}, doctor)).toMatchObject({ ok: true, value: { hasKey: false, practice: 'licensed', attemptsLeft: 5 } });
    expect(await t.call('signing.setPin', { pin: '12345' }, doctor)).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect(await t.call('signing.setPin', { pin: '123456' }, doctor)).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect(await t.call('signing.setPin', { pin: PIN }, doctor)).toMatchObject({ ok: true, value: { hasKey: true } });

    const signed = await t.call('signing.sign', { targetId: NOTE, pin: PIN }, doctor);
    expect(signed).toMatchObject({ ok: true, value: { targetId: NOTE, needsCountersign: false } });
    expect(await t.call('signing.verify', { targetId: NOTE }, doctor)).toMatchObject({
      ok: true,
      value: { status: 'verified', signer: { displayName: '李医生' } },
    });

    const amended = await t.call(
      'amendments.create',
      { targetId: NOTE, reason: '主诉笔误', content: { complaint: '头晕五天', history: '高血压病史五年', vitals: null }, pin: PIN },
      doctor,
    );
    expect(amended.ok).toBe(true);
    const history = await t.call('amendments.history', { targetId: NOTE }, doctor);
    expect(history).toMatchObject({
      ok: true,
      value: {
        versions: [{ sequence: 0 }, { sequence: 1, reason: '主诉笔误' }],
        changes: [{ fields: [{ field: 'complaint', before: '头晕三天', after: '头晕五天' }] }],
      },
    });

    const signatureId = signed.ok ? signed.value.signatureId : '';
    const amendmentId = amended.ok ? amended.value.targetId : '';
    const actions = auditActions();
    expect(actions).toContainEqual(['signing.sign', 'ok', expect.arrayContaining([NOTE, signatureId])]);
    expect(actions).toContainEqual(['signing.verify', 'ok', expect.arrayContaining([NOTE])]);
    expect(actions).toContainEqual(['amendments.create', 'ok', expect.arrayContaining([amendmentId])]);
    expect(actions).toContainEqual(['amendments.history', 'ok', expect.arrayContaining([NOTE, amendmentId])]);
  });

  it('refuses signing to staff without charting rights, and says a wrong PIN plainly', async () => {
    expect(await t.call('signing.sign', { targetId: NOTE, pin: PIN }, registrar)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await t.call('signing.sign', { targetId: NOTE, pin: PIN }, doctor)).toMatchObject({ ok: false, error: { code: 'NO_SIGNING_KEY' } });
    await t.call('signing.setPin', { pin: PIN }, doctor);
    expect(await t.call('signing.sign', { targetId: NOTE, pin: '000000' }, doctor)).toMatchObject({
      ok: false,
      error: { code: 'WRONG_PIN', message: expect.stringContaining('还可以再试 4 次') },
    });
    expect(auditActions()).toContainEqual(['signing.sign', 'failed', expect.anything()]);
  });
});
