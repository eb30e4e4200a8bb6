/** The front desk's visit rules: numbering per department, open-visit duplicates, 复诊, the today list order. */
import { ulid } from 'ulid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EncounterDoc } from '../../shared/docs/encounter';
import { chinaDateOf } from '../../shared/identity';
import { mustRegister, openRegistrationApp, type RegistrationTestApp, residentForm } from './testing/registration-fixtures';

let t: RegistrationTestApp;
const patients: string[] = [];

beforeAll(async () => {
  t = await openRegistrationApp();
  for (const [i, name] of ['甲一', '乙二', '丙三', '丁四', '戊五', '己六'].entries()) {
    patients.push((await mustRegister(t, residentForm(name, `19${60 + i}-05-0${1 + i}`, 2 * i + 1))).id);
  }
});
afterAll(() => t.close());

type VisitType = 'first' | 'return' | 'emergency';

function register(patientIndex: number, departmentCode: string, extra: { doctorUsername?: string; visitType?: VisitType } = {}) {
  return t.call(
    'visits.register',
    {
      patientId: patients[patientIndex],
      departmentCode,
      visitType: extra.visitType ?? 'first',
      feeCategory: 'self',
      ...(extra.doctorUsername ? { doctorUsername: extra.doctorUsername } : {}),
    },
    t.registrar,
  );
}

async function mustVisit(patientIndex: number, departmentCode: string, extra: { doctorUsername?: string; visitType?: VisitType } = {}) {
  const result = await register(patientIndex, departmentCode, extra);
  if (!result.ok) throw new Error(`${result.error.code} ${result.error.message}`);
  return result.value;
}

/** A status change as the doctor's side would write it (接诊, 完成). */
function setStatus(id: string, status: EncounterDoc['status']): void {
  const store = t.app.context.data.store;
  const doc = store.get(id);
  if (!doc) throw new Error(`no ${id}`);
  const [result] = store.bulkDocs([{ ...doc, status }]);
  if (!result.ok) throw new Error(result.reason);
}

/** A visit on an earlier day, written straight into the record. */
function pastVisit(patientIndex: number, departmentCode: string, daysAgo: number, status: EncounterDoc['status'] = 'completed'): void {
  const at = new Date(Date.now() - daysAgo * 86_400_000);
  const date = chinaDateOf(at);
  const doc: EncounterDoc = {
    _id: `encounter:${ulid(at.getTime())}`,
    type: 'encounter',
    schema_version: 1,
    clinic_code: 'qingshan',
    created_at: at.toISOString(),
    created_by: 'reg.wang',
    updated_at: at.toISOString(),
    updated_by: 'reg.wang',
    patient_id: patients[patientIndex],
    department_code: departmentCode,
    visit_type: 'first',
    fee_category: 'self',
    visit_number: `W09-${date.replaceAll('-', '')}-${String(daysAgo).padStart(4, '0')}`,
    visit_date: date,
    registered_at: at.toISOString(),
    status,
  };
  const [result] = t.app.context.data.store.bulkDocs([doc]);
  if (!result.ok) throw new Error(result.reason);
}

describe('就诊序号', () => {
  it('runs per department and day whatever doctor is chosen, so no department hands out two 1号', async () => {
    const a = await mustVisit(0, '07');
    const b = await mustVisit(1, '03', { doctorUsername: 'dr.li' });
    const c = await mustVisit(2, '03', { doctorUsername: 'dr.zhao' });
    const d = await mustVisit(3, '03');
    const e = await mustVisit(4, '03', { doctorUsername: 'dr.li' });
    expect([a, b, c, d, e].map((v) => v.queueNumber)).toEqual([1, 1, 2, 3, 4]);
    // The place in line is still per doctor (or none): 戊五 waits behind 乙二 only.
    expect([b, c, d, e].map((v) => v.queuePosition)).toEqual([1, 1, 1, 2]);
  });
});

describe('same-day duplicates', () => {
  it('are refused while the visit in that department is waiting or in consultation, and allowed once it is finished', async () => {
    const list = await t.call('visits.listToday', { departmentCode: '07' }, t.registrar);
    if (!list.ok) throw new Error();
    const visit = list.value.visits[0];
    setStatus(visit.id, 'in_progress');
    const again = await register(0, '07');
    expect(again.ok || [again.error.code, again.error.message]).toEqual(['DUPLICATE', expect.stringContaining('正在就诊')]);
    setStatus(visit.id, 'completed');
    const back = await register(0, '07', { visitType: 'return' });
    expect(back.ok && back.value.visitTypeLabel).toBe('复诊');
  });
});

describe('复诊', () => {
  it('is refused for a brand-new patient, with the reason and what to choose', async () => {
    const fresh = await mustRegister(t, residentForm('庚七', '1980-01-01', 21));
    const result = await t.call('visits.register', { patientId: fresh.id, departmentCode: '07', visitType: 'return', feeCategory: 'self' }, t.registrar);
    expect(result.ok || result.error.fields).toEqual([{ path: 'visitType', message: '这位患者 30 天内没有在儿科看过，不能挂复诊，请选初诊。' }]);
  });

  it('needs an earlier visit to the same department: another department the same day is not enough', async () => {
    // 乙二 is waiting in 内科 today; 儿科 is new to them.
    const other = await register(1, '07', { visitType: 'return' });
    expect(other.ok || other.error.fields?.map((f) => f.path)).toEqual(['visitType']);
  });

  it('counts visits within the clinic period (30 days) and leaves out cancelled ones', async () => {
    pastVisit(5, '07', 29);
    pastVisit(5, 'BA', 3);
    expect((await register(5, '07', { visitType: 'return' })).ok).toBe(true);
    pastVisit(5, '03', 31);
    pastVisit(5, '03', 2, 'cancelled');
    const old = await register(5, '03', { visitType: 'return' });
    expect(old.ok || old.error.fields?.map((f) => f.path)).toEqual(['visitType']);
  });

  it('is explained in the code sets the form reads', async () => {
    const sets = await t.call('clinic.codeSets', {}, t.registrar);
    expect(sets.ok && sets.value.visitTypeRule).toBe('复诊：30 天内在同一科室看过（未退号）的患者再来就诊；第一次来或换了科室的是初诊。');
  });
});

describe('today list', () => {
  it('shows the waiting first in call order, then in consultation, then finished and cancelled', async () => {
    const list = await t.call('visits.listToday', { departmentCode: '03' }, t.registrar);
    if (!list.ok) throw new Error();
    const [b, c, d, e] = ['乙二', '丙三', '丁四', '戊五'].map((name) => list.value.visits.find((v) => v.patient.name === name));
    if (!b || !c || !d || !e) throw new Error('missing visits');
    setStatus(b.id, 'completed');
    setStatus(c.id, 'in_progress');
    const cancelled = await t.call('visits.cancel', { id: d.id, rev: d.rev, reason: '患者要求退号' }, t.registrar);
    expect(cancelled.ok).toBe(true);
    const emergency = await mustVisit(0, '03', { visitType: 'emergency' });
    const after = await t.call('visits.listToday', { departmentCode: '03' }, t.registrar);
    expect(after.ok && after.value.visits.map((v) => [v.patient.name, v.status])).toEqual([
      [emergency.patient.name, 'waiting'],
      ['戊五', 'waiting'],
      ['丙三', 'in_progress'],
      ['乙二', 'completed'],
      ['丁四', 'cancelled'],
    ]);
  });
});

describe('code-set wording', () => {
  it('says the sexes as staff do and lists the resident ID card first, 其他 last', async () => {
    const sets = await t.call('clinic.codeSets', {}, t.registrar);
    expect(sets.ok && sets.value.sexes.map((s) => s.name)).toEqual(['未知', '男', '女', '未说明']);
    expect(sets.ok && sets.value.idTypes.map((s) => s.name)).toEqual([
      '居民身份证',
      '居民户口簿',
      '港澳居民来往内地通行证',
      '台湾居民来往内地通行证',
      '护照',
      '军官证',
      '驾驶证',
      '其他法定有效证件',
    ]);
  });
});
