import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PatientDoc } from '../../shared/docs';
import { makeResidentId } from '../../shared/identity';
import { mustRegister, openRegistrationApp, type RegistrationTestApp } from './testing/registration-fixtures';

let t: RegistrationTestApp;
let ids: Record<string, string>;

/** A patient registered long ago (written straight to the store, as an import or a replica would be). */
function oldPatient(n: number, name: string, sex: '1' | '2', extra: Partial<PatientDoc> = {}): string {
  const at = `2020-0${1 + (n % 9)}-1${n % 10}T02:00:00.000Z`;
  const _id = `patient:01HZZZZZZZZZZZZZZZZZZZZZ${String(n).padStart(2, '0')}`;
  const doc: PatientDoc = {
    _id,
    type: 'patient',
    schema_version: 2,
    clinic_code: 'qingshan',
    created_at: at,
    created_by: 'import',
    updated_at: at,
    updated_by: 'import',
    name,
    sex,
    birth_date: '1960-01-01',
    cards: [],
    allergies: [],
    ...extra,
  };
  const [result] = t.app.context.data.store.bulkDocs([doc]);
  if (!result.ok) throw new Error(result.reason);
  return _id;
}

async function search(query: string) {
  const result = await t.call('patients.search', { query }, t.registrar);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}
const names = async (query: string) => (await search(query)).results.map((r) => r.name);

beforeAll(async () => {
  t = await openRegistrationApp();
  ids = {
    shan: (await mustRegister(t, { name: '单田芳', sex: '1', idNumber: makeResidentId('130582', '1934-07-17', 15), phone: '13933101234' })).id,
    zeng: (await mustRegister(t, { name: '曾小贤', sex: '1', birthDate: '1985-05-05' })).id,
    xie: (await mustRegister(t, { name: '解晓东', sex: '1', birthDate: '1972-02-02', cards: [{ kind: 'social_security', number: 'B70001234' }] })).id,
    liNaOld: oldPatient(1, '李娜', '2'),
    liNaVisitor: oldPatient(2, '李娜', '2'),
    liNaNa: oldPatient(3, '李娜娜', '2'),
  };
  const visit = await t.call('visits.register', { patientId: ids.liNaVisitor, departmentCode: '03', visitType: 'first', feeCategory: 'resident' }, t.registrar);
  if (!visit.ok) throw new Error(visit.error.message);
  ids.visitNumber = visit.value.visitNumber;
});
afterAll(() => t.close());

describe('patients.search', () => {
  it('reads surnames as surnames: 单 shan, 曾 zeng, 解 xie', async () => {
    expect(await names('stf')).toEqual(['单田芳']);
    expect(await names('shantianfang')).toEqual(['单田芳']);
    expect(await names('dtf')).toEqual([]);
    expect(await names('zxx')).toEqual(['曾小贤']);
    expect(await names('zengxiaoxian')).toEqual(['曾小贤']);
    expect(await names('xxd')).toEqual(['解晓东']);
    expect(await names('xiexiaodong')).toEqual(['解晓东']);
    expect(await names('jiexiaodong')).toEqual([]);
  });

  it('finds by a name prefix while typing, and says which key matched', async () => {
    const result = await search('单');
    expect(result.kind).toBe('name');
    expect(result.results.map((r) => [r.name, r.matched])).toEqual([['单田芳', { key: 'name', exact: false }]]);
    expect((await search('shan')).results.map((r) => [r.name, r.matched.key])).toEqual([['单田芳', 'pinyin_full']]);
  });

  it('puts exact keys before prefixes, and recent visitors first among equals', async () => {
    const result = await search('李娜');
    expect(result.results.map((r) => [r.id, r.matched.exact])).toEqual([
      [ids.liNaVisitor, true],
      [ids.liNaOld, true],
      [ids.liNaNa, false],
    ]);
    expect(result.results[0].lastVisit).toMatchObject({ departmentName: '内科', visitNumber: ids.visitNumber });
    expect(result.results[1].lastVisit).toBeNull();
    expect((await search('ln')).results.map((r) => r.id).slice(0, 2)).toEqual([ids.liNaVisitor, ids.liNaOld]);
  });

  it('finds by the whole ID number, its last four characters, the phone, its tail, a card and a visit number', async () => {
    const idNumber = makeResidentId('130582', '1934-07-17', 15);
    expect((await search(idNumber)).results.map((r) => [r.id, r.matched.key])).toEqual([[ids.shan, 'id_number']]);
    const tail = await search(idNumber.slice(-4));
    expect(tail.kind).toBe('digits');
    expect(tail.results.map((r) => [r.id, r.matched.key])).toEqual([[ids.shan, 'id_number_suffix']]);
    expect((await search('1234')).results.map((r) => [r.id, r.matched.key])).toEqual([[ids.shan, 'phone_suffix']]);
    expect((await search('139 3310 1234')).results.map((r) => [r.id, r.matched.key])).toEqual([[ids.shan, 'phone']]);
    expect((await search('b70001234')).results.map((r) => [r.id, r.matched.key])).toEqual([[ids.xie, 'card']]);
    expect((await search(ids.visitNumber)).results.map((r) => [r.id, r.matched.key])).toEqual([[ids.liNaVisitor, 'visit_number']]);
  });

  it('finds by the first digits of a mobile number (from three) and by its last digits (from four)', async () => {
    const other = (await mustRegister(t, { name: '钱多多', sex: '2', birthDate: '1990-09-09', phone: '13812345678' })).id;
    expect((await search('139')).results.map((r) => [r.id, r.matched.key])).toEqual([[ids.shan, 'phone']]);
    expect((await search('138')).results.map((r) => [r.id, r.matched.key])).toEqual([[other, 'phone']]);
    expect((await search('1393')).results.map((r) => r.id)).toEqual([ids.shan]);
    expect((await search('1381234')).results.map((r) => [r.id, r.matched.key])).toEqual([[other, 'phone']]);
    expect((await search('5678')).results.map((r) => [r.id, r.matched.key])).toEqual([[other, 'phone_suffix']]);
    expect((await search('3101234')).results.map((r) => [r.id, r.matched.key])).toEqual([[ids.shan, 'phone_suffix']]);
    // Two digits, or three that no mobile number starts with, say too little to search by.
    expect((await search('13')).results).toEqual([]);
    expect((await search('239')).results).toEqual([]);
  });

  it('masks what it shows and says when there are more than the limit', async () => {
    const [hit] = (await search('单田芳')).results;
    expect(hit.idNumberMasked).toMatch(/^130582\*{8}\d{3}[\dX]$/);
    expect(hit.phoneMasked).toBe('139****1234');
    const limited = await t.call('patients.search', { query: 'l', limit: 1 }, t.registrar);
    expect(limited.ok && [limited.value.results.length, limited.value.more]).toEqual([1, true]);
    expect((await search('')).results).toEqual([]);
    expect((await search('12')).results).toEqual([]);
  });

  it('is audited with the ids it returned', async () => {
    await search('曾小贤');
    const events = t.app.context.data.store
      .changes({ includeDocs: true })
      .results.map((c) => c.doc)
      .filter((d) => d?.type === 'audit' && d.action === 'patients.search');
    expect(events.at(-1)?.target_ids).toEqual([ids.zeng]);
  });
});
