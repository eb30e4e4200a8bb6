/**
 * 借阅与封存 through the router: who may do what, the refusals that leave nothing half-saved, and
 * the audit of every read through a grant or of a sealed case.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { registerDocumentType } from '../../shared/docs';
import { clinicDate } from '../../shared/time/clinic-time';
import { openTestApp } from '../app/testing';
import { addWorkingDays } from '../services/custody/working-days';
import { writeArchivedCase } from '../services/custody/testing';
import { testNote } from '../signing/testing/fixture';

let t: Awaited<ReturnType<typeof openTestApp>>;
let unregister: () => void;
const session: Record<'archivist' | 'medical' | 'doctor', string> = { archivist: '', medical: '', doctor: '' };
const CASE = 'qingshan-2026-W01-00001';
const OTHER = 'qingshan-2026-W01-00002';
const NOTE = 'test_note:0001';
const today = () => clinicDate(new Date());

beforeEach(async () => {
  unregister = registerDocumentType(testNote);
  t = await openTestApp({ initialized: true });
  const users = [
    { key: 'archivist', username: 'bai.lan', displayName: '白兰', roles: ['archivist' as const], password: 'Archive2026' },
    { key: 'medical', username: 'yang.zq', displayName: '杨志强', roles: ['medical_affairs' as const], password: 'Medical2026' },
    { key: 'doctor', username: 'li.yisheng', displayName: '李医生', roles: ['doctor' as const], password: 'Doctor2026' },
  ] as const;
  for (const { key, ...user } of users) {
    expect((await t.call('admin.createUser', { ...user, roles: [...user.roles], departmentCodes: ['03'] }, t.adminSession)).ok).toBe(true);
    const login = await t.call('auth.login', { username: user.username, password: user.password });
    if (!login.ok) throw new Error(login.error.message);
    session[key] = login.value.sessionToken;
  }
  writeArchivedCase(t.app.context.data.store, CASE, NOTE);
  writeArchivedCase(t.app.context.data.store, OTHER, 'test_note:0002');
});
afterEach(() => {
  t.close();
  unregister();
});

const auditOf = (action: string) =>
  t.app.context.data.store
    .changes({ includeDocs: true })
    .results.map((row) => row.doc!)
    .filter((doc) => doc.type === 'audit' && doc.action === action)
    .map((doc) => ({ outcome: doc.outcome, targets: doc.target_ids as string[] }));

const confirmation = (listSm3: string, patient = true, institution = true) => ({
  listSm3,
  patientSide: patient ? { role: 'agent' as const, name: '王小明', id_number: '110101199001011234' } : undefined,
  patientConfirmed: patient,
  institutionConfirmed: institution,
});

describe('electronic lending', () => {
  it('lets 医务科 grant a doctor one day; the doctor opens the case read-only and the read names the grant', async () => {
    const input = { grantee: 'li.yisheng', caseNumbers: [CASE], purpose: 'treatment' as const, reason: '复诊参考', from: today(), until: today() };
    expect(await t.call('custody.grantAccess', input, session.archivist)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const granted = await t.call('custody.grantAccess', input, session.medical);
    if (!granted.ok) throw new Error(granted.error.message);
    expect(granted.value).toMatchObject({ state: 'active', approvedBy: '杨志强', caseNumbers: [CASE] });

    const opened = await t.call('custody.openCase', { caseNumber: CASE }, session.doctor);
    if (!opened.ok) throw new Error(opened.error.message);
    expect(opened.value.grantId).toBe(granted.value.id);
    expect(opened.value.documents.map((d) => d.id)).toEqual([NOTE]);
    expect(auditOf('custody.openCase')).toEqual([{ outcome: 'ok', targets: expect.arrayContaining([granted.value.id, `archive_case:${CASE}`, NOTE]) }]);

    expect(await t.call('custody.openCase', { caseNumber: OTHER }, session.doctor)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect((await t.call('custody.myGrants', {}, session.doctor)).ok && true).toBe(true);
  });

  it('refuses research loans longer than 3 working days, saying the latest date, and saves nothing', async () => {
    const latest = addWorkingDays(today(), 3);
    const tooLong = addWorkingDays(today(), 4);
    const refused = await t.call(
      'custody.grantAccess',
      { grantee: 'li.yisheng', caseNumbers: [CASE], purpose: 'research', reason: '课题研究', from: today(), until: tooLong },
      session.medical,
    );
    expect(refused).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', fields: [{ path: 'until' }] } });
    if (!refused.ok) expect(refused.error.message).toContain(`最晚 ${latest} 归还`);
    expect(await t.call('custody.grants', {}, session.archivist)).toMatchObject({ ok: true, value: { grants: [] } });
    const revoked = await t.call(
      'custody.grantAccess',
      { grantee: 'li.yisheng', caseNumbers: [CASE], purpose: 'teaching', reason: '教学查房', from: today(), until: latest },
      session.medical,
    );
    if (!revoked.ok) throw new Error(revoked.error.message);
    expect(await t.call('custody.revokeGrant', { id: revoked.value.id, reason: '课题取消' }, session.medical)).toMatchObject({
      ok: true,
      value: { state: 'revoked' },
    });
    expect(await t.call('custody.openCase', { caseNumber: CASE }, session.doctor)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});

describe('paper folders', () => {
  it('lends a folder by its barcode, refuses a second loan, lists it, and takes it back by the barcode', async () => {
    const lend = { code: `BA-${CASE}`, borrowerName: '李医生', purpose: 'treatment' as const, reason: '复诊参考', approverName: '杨志强', dueDate: today() };
    expect(await t.call('custody.lendFolder', lend, session.doctor)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await t.call('custody.lendFolder', lend, session.archivist)).toMatchObject({ ok: true, value: { caseNumber: CASE, returnedAt: null } });
    expect(await t.call('custody.lendFolder', lend, session.archivist)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await t.call('custody.folderStatus', { code: `BA-${CASE}` }, session.archivist)).toMatchObject({
      ok: true,
      value: { known: true, outstanding: { borrowerName: '李医生' } },
    });
    expect(await t.call('custody.lendFolder', { ...lend, code: 'XYZ' }, session.archivist)).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    const returned = await t.call('custody.returnFolder', { code: `BA-${CASE}` }, session.archivist);
    expect(returned).toMatchObject({ ok: true, value: { caseNumber: CASE } });
    if (returned.ok) expect(returned.value.returnedAt).not.toBeNull();
    expect(await t.call('custody.returnFolder', { code: CASE }, session.archivist)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await t.call('custody.paperLoans', { outOnly: true }, session.archivist)).toMatchObject({ ok: true, value: { loans: [], overdue: [] } });
  });
});

describe('sealing', () => {
  it('seals only with both confirmations, hides the case from those without archive.seal, stages later parts, and unseals only with approval', async () => {
    expect(await t.call('custody.sealPreview', { caseNumbers: [CASE] }, session.archivist)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const preview = await t.call('custody.sealPreview', { caseNumbers: [CASE] }, session.medical);
    if (!preview.ok) throw new Error(preview.error.message);
    expect(preview.value.items.map((item) => item.id).sort()).toEqual([`archive_case:${CASE}`, NOTE]);

    const oneSide = await t.call(
      'custody.seal',
      { caseNumbers: [CASE], reason: '患方对治疗有异议', confirmation: confirmation(preview.value.listSm3, true, false) },
      session.medical,
    );
    expect(oneSide).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    if (!oneSide.ok) expect(oneSide.error.message).toContain('缺少本院的确认');
    expect(await t.call('custody.seals', {}, session.medical)).toMatchObject({ ok: true, value: { seals: [] } });

    const sealed = await t.call(
      'custody.seal',
      { caseNumbers: [CASE], reason: '患方对治疗有异议', confirmation: confirmation(preview.value.listSm3) },
      session.medical,
    );
    if (!sealed.ok) throw new Error(sealed.error.message);
    expect(sealed.value).toMatchObject({ status: 'sealed', stageCount: 1, intact: true });
    expect(t.app.context.data.custody.isSealed(CASE)).toBe(true);

    // Invisible to the archivist: no loan, no grant, no folder; amendments of the sealed note refused.
    expect(await t.call('custody.folderStatus', { code: CASE }, session.archivist)).toMatchObject({ ok: true, value: { known: false } });
    expect(
      await t.call(
        'custody.lendFolder',
        { code: CASE, borrowerName: '李医生', purpose: 'treatment', reason: '复诊参考', approverName: '杨志强', dueDate: today() },
        session.archivist,
      ),
    ).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await t.call('amendments.create', { targetId: NOTE, reason: '补充', content: {}, pin: '802613' }, session.doctor)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });

    // A later part: the note's next revision is sealed as stage 2 with its own confirmation.
    const note = t.app.context.data.store.get(NOTE)!;
    expect(t.app.context.data.store.bulkDocs([{ ...note, status: 'signed' }])[0].ok).toBe(true);
    const next = await t.call('custody.sealPreview', { sealId: sealed.value.id }, session.medical);
    if (!next.ok) throw new Error(next.error.message);
    expect(next.value.items.map((item) => item.id)).toEqual([NOTE]);
    const staged = await t.call('custody.addSealStage', { sealId: sealed.value.id, confirmation: confirmation(next.value.listSm3) }, session.medical);
    expect(staged).toMatchObject({ ok: true, value: { stageCount: 2, itemCount: 3, intact: true } });

    const detail = await t.call('custody.sealDetail', { sealId: sealed.value.id }, session.medical);
    expect(detail.ok).toBe(true);
    expect(auditOf('custody.sealDetail')).toEqual([{ outcome: 'ok', targets: expect.arrayContaining([sealed.value.id, `archive_case:${CASE}`, NOTE]) }]);

    const side = { role: 'agent' as const, name: '王小明', id_number: '110101199001011234' };
    const unsealInput = { sealId: sealed.value.id, kind: 'approved' as const, reason: '纠纷已调解结案', patientSide: side };
    const refused = await t.call('custody.unseal', unsealInput, session.medical);
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    if (!refused.ok) expect(refused.error.message).toContain('医务科批准');
    expect(await t.call('custody.unseal', { ...unsealInput, kind: 'no_claim' }, session.medical)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await t.call('custody.approveUnseal', { sealId: sealed.value.id, reason: '纠纷已调解结案' }, session.archivist)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await t.call('custody.approveUnseal', { sealId: sealed.value.id, reason: '纠纷已调解结案' }, session.medical)).toMatchObject({
      ok: true,
      value: { unsealApproved: true },
    });
    expect(await t.call('custody.unseal', unsealInput, session.medical)).toMatchObject({ ok: true, value: { status: 'unsealed' } });
    expect(t.app.context.data.custody.isSealed(CASE)).toBe(false);
    expect(await t.call('custody.folderStatus', { code: CASE }, session.archivist)).toMatchObject({ ok: true, value: { known: true } });
  });
});
