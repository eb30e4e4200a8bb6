import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HASHED_PATIENT_ID, makeResidentId } from '../../shared/identity';
import { mustRegister, openRegistrationApp, type RegistrationTestApp, residentForm } from './testing/registration-fixtures';

let t: RegistrationTestApp;
beforeAll(async () => {
  t = await openRegistrationApp();
});
afterAll(() => t.close());

const fieldsOf = (result: { ok: boolean; error?: { code: string; fields?: ReadonlyArray<{ path: string; message: string }> } }) =>
  result.ok ? [] : (result.error?.fields ?? []).map((f) => f.path);

describe('patients.register: identity numbers (GB 11643)', () => {
  it('derives the document id, birth date and sex from a resident ID number', async () => {
    const saved = await mustRegister(t, { name: '孙秀兰', sex: '2', idNumber: makeResidentId('130582', '1951-04-09', 2) });
    expect(saved.id).toMatch(HASHED_PATIENT_ID);
    expect(saved.patient).toMatchObject({ name: '孙秀兰', birthDate: '1951-04-09', sexLabel: '女' });
    expect(saved.patient.idNumberMasked).toMatch(/^130582\*{8}002[\dX]$/);
    const detail = await t.call('patients.get', { id: saved.id }, t.registrar);
    expect(detail.ok && detail.value.form).toMatchObject({ idType: '01', birthDate: '1951-04-09', sex: '2' });
  });

  it('accepts a lower-case x and converts a 15-digit legacy number to 18 digits', async () => {
    const x = await mustRegister(t, { name: '周建国', sex: '2', idNumber: '11010519491231002x' });
    expect((await t.call('patients.get', { id: x.id }, t.registrar)).ok).toBe(true);
    const legacy = await mustRegister(t, { name: '吴德明', sex: '1', idNumber: '130582561103051', phone: '13933100001' });
    const detail = await t.call('patients.get', { id: legacy.id }, t.registrar);
    // 1956 inserted, and the MOD 11-2 check character (0) appended.
    expect(detail.ok && detail.value.form.idNumber).toBe('130582195611030510');
    expect(detail.ok && detail.value.form.birthDate).toBe('1956-11-03');
  });

  it.each([
    ['bad check digit', { name: '错号', sex: '1', idNumber: '110105194912310012' }, ['idNumber']],
    ['impossible date', { name: '错号', sex: '1', idNumber: '110105194902300011' }, ['idNumber']],
    ['birth in the future', { name: '错号', sex: '1', idNumber: makeResidentId('110105', '2099-01-01', 1) }, ['idNumber']],
    ['birth date disagreeing', { name: '错号', sex: '1', birthDate: '1949-12-30', idNumber: makeResidentId('110105', '1949-12-31', 1) }, ['birthDate']],
    ['sex disagreeing', { name: '错号', sex: '2', idNumber: makeResidentId('110105', '1949-12-31', 1) }, ['sex']],
    ['no birth date and no ID number', { name: '错号', sex: '2' }, ['birthDate']],
    ['a bad phone number', { name: '错号', sex: '2', birthDate: '1980-01-01', phone: '1381234567' }, ['phone']],
    ['an unknown division', { name: '错号', sex: '2', birthDate: '1980-01-01', address: { divisionCode: '999999', detail: '' } }, ['address.divisionCode']],
    ['an unknown fee category', { name: '错号', sex: '2', birthDate: '1980-01-01', insurance: { feeCategory: 'gold' } }, ['insurance.feeCategory']],
  ] as const)('refuses %s with VALIDATION_FAILED on the field, in Chinese', async (_label, patient, fields) => {
    const before = t.app.context.data.store.info().updateSeq;
    const result = await t.call('patients.register', { patient }, t.registrar);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('VALIDATION_FAILED');
      expect(fieldsOf(result)).toEqual(fields);
      for (const f of result.error.fields ?? []) expect(f.message).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(t.app.context.data.store.info().updateSeq - before).toBeLessThanOrEqual(1); // the failed call's audit event only
  });

  it('needs patient.write: an archivist may not register', async () => {
    const made = await t.call(
      'admin.createUser',
      { username: 'arch', displayName: '档案员', roles: ['archivist'], departmentCodes: [], password: 'Archive2026' },
      t.adminSession,
    );
    expect(made.ok).toBe(true);
    const login = await t.call('auth.login', { username: 'arch', password: 'Archive2026' });
    if (!login.ok) throw new Error();
    const result = await t.call('patients.register', { patient: residentForm('权限', '1990-01-01', 1) }, login.value.sessionToken);
    expect(result.ok || result.error.code).toBe('FORBIDDEN');
  });
});

describe('duplicates', () => {
  it('refuses a second record with the same ID number, always', async () => {
    const form = residentForm('郑玉兰', '1948-02-02', 8);
    const first = await mustRegister(t, form);
    const again = await t.call('patients.register', { patient: { ...form, name: '郑玉蓝' }, acknowledgedDuplicates: true }, t.registrar);
    expect(again.ok || again.error.code).toBe('DUPLICATE');
    const check = await t.call('patients.checkDuplicates', { idNumber: form.idNumber }, t.registrar);
    expect(check.ok && check.value.candidates.map((c) => [c.patient.id, c.reasons])).toEqual([[first.id, ['same_id_number']]]);
  });

  it('warns on the same name, birth date and sex; saves once acknowledged', async () => {
    const a = await mustRegister(t, { name: '何桂英', sex: '2', birthDate: '1944-07-07' });
    const check = await t.call('patients.checkDuplicates', { name: '何桂英', sex: '2', birthDate: '1944-07-07' }, t.registrar);
    expect(check.ok && check.value.candidates.map((c) => [c.patient.id, c.reasons, c.reasonText])).toEqual([
      [a.id, ['same_name_birth_sex'], '姓名、出生日期、性别都相同'],
    ]);
    const refused = await t.call('patients.register', { patient: { name: '何桂英', sex: '2', birthDate: '1944-07-07' } }, t.registrar);
    expect(refused.ok || refused.error.code).toBe('DUPLICATE');
    expect(refused.ok || refused.error.message).toContain('何桂英');
    const b = await mustRegister(t, { name: '何桂英', sex: '2', birthDate: '1944-07-07' }, true);
    expect(b.id).not.toBe(a.id);
  });

  it('warns on the same phone with a similar name (one character, or the same sound), not with a different name', async () => {
    const a = await mustRegister(t, { name: '冯秀英', sex: '2', birthDate: '1950-05-05', phone: '139 3310 0077' });
    for (const name of ['冯秀瑛', '冯秀英', '冯秀莺']) {
      const check = await t.call('patients.checkDuplicates', { name, phone: '13933100077' }, t.registrar);
      expect(check.ok && check.value.candidates.map((c) => [c.patient.id, c.reasons])).toEqual([[a.id, ['same_phone_similar_name']]]);
    }
    const family = await t.call('patients.checkDuplicates', { name: '冯建军', phone: '13933100077' }, t.registrar);
    expect(family.ok && family.value.candidates).toEqual([]);
    const self = await t.call('patients.checkDuplicates', { name: '冯秀英', phone: '13933100077', excludeId: a.id }, t.registrar);
    expect(self.ok && self.value.candidates).toEqual([]);
  });
});

describe('patients.update', () => {
  it('saves with the current revision and refuses a stale one with CONFLICT', async () => {
    const saved = await mustRegister(t, residentForm('陈桂芳', '1955-09-09', 6, { phone: '13933100100' }));
    const got = await t.call('patients.get', { id: saved.id }, t.registrar);
    if (!got.ok) throw new Error();
    const first = await t.call('patients.update', { id: saved.id, rev: got.value.rev, patient: { ...got.value.form, phone: '13933100101' } }, t.registrar);
    expect(first.ok).toBe(true);
    const stale = await t.call('patients.update', { id: saved.id, rev: got.value.rev, patient: { ...got.value.form, phone: '13933100102' } }, t.registrar);
    expect(stale.ok || stale.error.code).toBe('CONFLICT');
    const now = await t.call('patients.get', { id: saved.id }, t.registrar);
    expect(now.ok && now.value.form.phone).toBe('13933100101');
  });

  it('refuses changing the ID number a hashed id was made from', async () => {
    const saved = await mustRegister(t, residentForm('褚国华', '1960-01-01', 3));
    const got = await t.call('patients.get', { id: saved.id }, t.registrar);
    if (!got.ok) throw new Error();
    const changed = await t.call(
      'patients.update',
      { id: saved.id, rev: got.value.rev, patient: { ...got.value.form, idNumber: makeResidentId('130582', '1960-01-01', 5) } },
      t.registrar,
    );
    expect(changed.ok).toBe(false);
    expect(fieldsOf(changed)).toEqual(['idNumber']);
  });
});

describe('merge and unmerge', () => {
  it('keeps both histories, shows the survivor in place of the absorbed record, and can be undone', async () => {
    const survivor = await mustRegister(t, residentForm('蒋淑珍', '1946-03-03', 4, { phone: '13933100200' }));
    const absorbed = await mustRegister(t, { name: '蒋淑贞', sex: '2', birthDate: '1946-03-03', cards: [{ kind: 'clinic', number: 'JZ77770001' }] });
    const oldVisit = await t.call('visits.register', { patientId: absorbed.id, departmentCode: '07', visitType: 'first', feeCategory: 'self' }, t.registrar);
    expect(oldVisit.ok).toBe(true);

    const merged = await t.call(
      'patients.merge',
      { survivorId: survivor.id, survivorRev: survivor.rev, absorbedId: absorbed.id, absorbedRev: absorbed.rev },
      t.registrar,
    );
    if (!merged.ok) throw new Error(merged.error.message);

    const byCard = await t.call('patients.search', { query: 'JZ77770001' }, t.registrar);
    expect(byCard.ok && byCard.value.results.map((r) => r.id)).toEqual([survivor.id]);
    const byName = await t.call('patients.search', { query: '蒋淑' }, t.registrar);
    expect(byName.ok && byName.value.results.map((r) => r.id)).toEqual([survivor.id]);
    const detail = await t.call('patients.get', { id: survivor.id }, t.registrar);
    expect(detail.ok && detail.value.mergedFrom.map((m) => m.id)).toEqual([absorbed.id]);
    expect(detail.ok && detail.value.visits.map((v) => v.patientId)).toEqual([absorbed.id]);
    const old = await t.call('patients.get', { id: absorbed.id }, t.registrar);
    expect(old.ok && old.value.mergedInto).toBe(survivor.id);
    const visitOnOld = await t.call('visits.register', { patientId: absorbed.id, departmentCode: '03', visitType: 'first', feeCategory: 'self' }, t.registrar);
    expect(visitOnOld.ok || visitOnOld.error.code).toBe('VALIDATION_FAILED');

    // Every revision of the absorbed record is kept; the merge is in the audit chain.
    const store = t.app.context.data.store;
    expect(store.listRevisions(absorbed.id)).toHaveLength(2);
    const audits = store
      .changes({ includeDocs: true })
      .results.map((c) => c.doc)
      .filter((d) => d?.type === 'audit' && d.action === 'patients.merge');
    expect(audits).toHaveLength(1);
    expect(audits[0]?.target_ids).toEqual(expect.arrayContaining([survivor.id, absorbed.id]));

    const undone = await t.call('patients.unmerge', { absorbedId: absorbed.id, absorbedRev: merged.value.absorbed.rev }, t.registrar);
    expect(undone.ok && undone.value.survivorId).toBe(survivor.id);
    const again = await t.call('patients.search', { query: 'JZ77770001' }, t.registrar);
    expect(again.ok && again.value.results.map((r) => r.id)).toEqual([absorbed.id]);
    const after = await t.call('patients.get', { id: survivor.id }, t.registrar);
    expect(after.ok && after.value.mergedFrom).toEqual([]);
  });

  it('refuses stale revisions and merging a record that is already merged', async () => {
    const a = await mustRegister(t, { name: '沈一', sex: '1', birthDate: '1970-01-01' });
    const b = await mustRegister(t, { name: '沈二', sex: '1', birthDate: '1970-01-02' });
    const c = await mustRegister(t, { name: '沈三', sex: '1', birthDate: '1970-01-03' });
    const stale = await t.call('patients.merge', { survivorId: a.id, survivorRev: a.rev, absorbedId: b.id, absorbedRev: `9-${'0'.repeat(32)}` }, t.registrar);
    expect(stale.ok || stale.error.code).toBe('CONFLICT');
    const merged = await t.call('patients.merge', { survivorId: a.id, survivorRev: a.rev, absorbedId: b.id, absorbedRev: b.rev }, t.registrar);
    if (!merged.ok) throw new Error();
    const twice = await t.call(
      'patients.merge',
      { survivorId: c.id, survivorRev: c.rev, absorbedId: b.id, absorbedRev: merged.value.absorbed.rev },
      t.registrar,
    );
    expect(fieldsOf(twice)).toEqual(['absorbedId']);
    const self = await t.call('patients.merge', { survivorId: a.id, survivorRev: a.rev, absorbedId: a.id, absorbedRev: a.rev }, t.registrar);
    expect(self.ok || self.error.code).toBe('VALIDATION_FAILED');
  });
});

describe('card and e-voucher look-up', () => {
  it('finds by card number, then by the ID or insurance number the card carries', async () => {
    const idNumber = makeResidentId('130582', '1953-12-12', 11);
    const saved = await mustRegister(t, {
      name: '韩长顺',
      sex: '1',
      idNumber,
      cards: [{ kind: 'social_security', number: 'k12345678' }],
      insurance: { feeCategory: 'resident', number: 'YB1305820001' },
    });
    const byCard = await t.call('patients.lookupByCard', { kind: 'social_security', number: 'K12345678' }, t.registrar);
    expect(byCard.ok && [byCard.value.matchedBy, byCard.value.matches.map((m) => m.id)]).toEqual(['card', [saved.id]]);
    const newCard = await t.call('patients.lookupByCard', { kind: 'resident_health', number: 'H99990000', idNumber }, t.registrar);
    expect(newCard.ok && [newCard.value.matchedBy, newCard.value.matches.map((m) => m.id)]).toEqual(['id_number', [saved.id]]);
    const unknown = await t.call('patients.lookupByCard', { kind: 'resident_health', number: 'H99990001' }, t.registrar);
    expect(unknown.ok && unknown.value).toEqual({ matchedBy: null, matches: [] });
    const voucher = await t.call('patients.lookupByInsuranceVoucher', { insuranceNumber: 'YB1305820001' }, t.registrar);
    expect(voucher.ok && [voucher.value.matchedBy, voucher.value.matches.map((m) => m.id)]).toEqual(['insurance_number', [saved.id]]);
    const byId = await t.call('patients.lookupByInsuranceVoucher', { insuranceNumber: idNumber }, t.registrar);
    expect(byId.ok && byId.value.matchedBy).toBe('id_number');
  });
});
