import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadDivisions } from '../../shared/codes/divisions';
import { DEFAULT_FEE_CATEGORIES } from '../../shared/docs/clinic';
import { departmentDoc } from '../../shared/docs/department';
import { encounterDoc } from '../../shared/docs/encounter';
import { type PatientDoc, patientDoc } from '../../shared/docs/patient';
import { userDoc } from '../../shared/docs/user';
import { checkPhone } from '../../shared/identity/phone';
import { checkIdAgainst, validateResidentId } from '../../shared/identity/resident-id';
import { patientIdFromResidentId } from '../../shared/identity/patient-id';
import { chinaDayNumber, dateOfDayNumber } from './clock';
import { generateDepartments } from './departments';
import { estimateVisitsPerDay, generateEncounters } from './encounters';
import { generatePatients, type PatientGeneratorOptions } from './patients';
import { generateStaff, staffRoster } from './staff';

const divisions = loadDivisions(readFileSync(new URL('../../shared/data/divisions_cn.csv', import.meta.url), 'utf8'));
// A real township: 河南省 商丘市 柘城县 (411424), its first township.
const CLINIC_TOWNSHIP = divisions.within('411424', 4)[0].code;
const NOW = new Date('2025-06-02T02:30:00Z'); // 10:30 in China, a Monday
const TODAY = dateOfDayNumber(chinaDayNumber(NOW.getTime()));
const KEY = '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08';
const HASH = 'scrypt$32768$8$1$c2FsdHNhbHRzYWx0c2FsdA==$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g=';

const patientOptions: PatientGeneratorOptions = {
  seed: 'test-clinic',
  divisions,
  clinicCode: 'zc-dongguan',
  clinicDivision: CLINIC_TOWNSHIP,
  keyHex: KEY,
  now: NOW,
  registrars: ['guahao1', 'guahao2'],
};

const take = <T>(iterable: Iterable<T>, n: number): T[] => {
  const out: T[] = [];
  for (const item of iterable) {
    if (out.length >= n) break;
    out.push(item);
  }
  return out;
};

const departments = generateDepartments({ clinicCode: 'zc-dongguan', now: NOW });
const staff = generateStaff({ seed: 'test-clinic', clinicCode: 'zc-dongguan', now: NOW, departments, passwordHash: HASH });

describe('generateDepartments and generateStaff', () => {
  it('produce valid documents with unique codes and login names', () => {
    for (const d of departments) expect(departmentDoc.parse(d)).toEqual(d);
    for (const u of staff) expect(userDoc.parse(u)).toEqual(u);
    expect(new Set(departments.map((d) => d.code)).size).toBe(departments.length);
    expect(new Set(staff.map((u) => u.username)).size).toBe(staff.length);
    expect(departments.map((d) => d.name)).toEqual(expect.arrayContaining(['内科', '外科', '妇产科', '儿科', '中医科', '预防保健科', '公共卫生科']));
  });

  it('staff every outpatient department with a doctor and include each role', () => {
    for (const d of departments.filter((x) => x.outpatient)) {
      expect(staff.some((u) => u.roles.includes('doctor') && u.department_codes.includes(d.code))).toBe(true);
    }
    for (const role of ['admin', 'registrar', 'doctor', 'archivist', 'medical_affairs', 'auditor'] as const) {
      expect(staff.some((u) => u.roles.includes(role))).toBe(true);
    }
  });

  it('are listed with login name, name, roles and departments for the demo command to print', () => {
    const roster = staffRoster(
      staff.map((u) => ({ username: u.username, displayName: u.display_name, roles: u.roles, departmentCodes: u.department_codes })),
      new Map(departments.map((d) => [d.code, d.name])),
    );
    expect(roster).toHaveLength(staff.length);
    expect(roster[0]).toMatch(/^admin\s+\S+\s+系统管理员$/);
    expect(roster.some((line) => /挂号员/.test(line))).toBe(true);
    expect(roster.find((line) => line.startsWith(staff[2].username))).toContain(departments.find((d) => d.code === staff[2].department_codes[0])?.name);
  });

  it('are deterministic by seed', () => {
    const again = generateStaff({ seed: 'test-clinic', clinicCode: 'zc-dongguan', now: NOW, departments, passwordHash: HASH });
    expect(again).toEqual(staff);
    const other = generateStaff({ seed: 'other', clinicCode: 'zc-dongguan', now: NOW, departments, passwordHash: HASH });
    expect(other.map((u) => u.display_name)).not.toEqual(staff.map((u) => u.display_name));
  });
});

describe('generatePatients', () => {
  const SAMPLE = 5000;
  const patients = take(generatePatients(SAMPLE, patientOptions), SAMPLE);
  const county = divisions.get(CLINIC_TOWNSHIP)?.parentCode ?? '';
  const prefecture = divisions.get(county)?.parentCode ?? '';

  it('yields exactly the requested number', () => {
    expect(patients).toHaveLength(SAMPLE);
    expect([...generatePatients(0, patientOptions)]).toEqual([]);
  });

  it('yields documents that all pass the patient schema unchanged', () => {
    for (const p of patients) {
      const result = patientDoc.safeParse(p);
      if (!result.success) throw new Error(`${p._id}: ${result.error.message}`);
      expect(result.data).toEqual(p);
    }
  });

  it('gives ~85 % a valid ID number in the province, agreeing with birth date and sex, and the keyed id', () => {
    const withId = patients.filter((p) => p.id_number);
    expect(withId.length / SAMPLE).toBeGreaterThan(0.82);
    expect(withId.length / SAMPLE).toBeLessThan(0.88);
    for (const p of withId) {
      const parsed = validateResidentId(p.id_number ?? '', { today: TODAY });
      if (!parsed.ok) throw new Error(`${p.id_number}: ${parsed.message}`);
      expect(checkIdAgainst({ birthDate: p.birth_date, sex: p.sex }, parsed)).toEqual({ ok: true });
      const issuedIn = divisions.get(parsed.divisionCode);
      expect(issuedIn?.level).toBe(3);
      expect(parsed.divisionCode.slice(0, 2)).toBe('41');
      expect(p._id).toBe(patientIdFromResidentId(parsed.id18, KEY));
      // 户口簿 (02) for children under 16, 居民身份证 (01) from 16.
      const yearsOld = Number(TODAY.slice(0, 4)) - Number(p.birth_date.slice(0, 4));
      expect(p.id_type === '02' ? yearsOld <= 16 : p.id_type === '01' && yearsOld >= 16).toBe(true);
    }
    for (const p of patients.filter((x) => !x.id_number)) expect(p._id).toMatch(/^patient:[0-9A-HJKMNP-TV-Z]{26}$/);
    const issuedHere = withId.filter((p) => p.id_number?.startsWith(county)).length / withId.length;
    expect(issuedHere).toBeGreaterThan(0.65);
  });

  it('never repeats a document id, an ID number or a card number', () => {
    expect(new Set(patients.map((p) => p._id)).size).toBe(SAMPLE);
    const cards = patients.flatMap((p) => p.cards.map((c) => `${c.kind}:${c.number}`));
    expect(new Set(cards).size).toBe(cards.length);
  });

  it('lives around the clinic: townships of its prefecture, most in its own township', () => {
    const withAddress = patients.filter((p) => p.address);
    expect(withAddress.length / SAMPLE).toBeGreaterThan(0.95);
    for (const p of withAddress) {
      const township = divisions.get(p.address?.division_code ?? '');
      expect(township?.level).toBe(4);
      expect(divisions.get(township?.parentCode ?? '')?.parentCode).toBe(prefecture);
    }
    const home = withAddress.filter((p) => p.address?.division_code === CLINIC_TOWNSHIP).length / withAddress.length;
    expect(home).toBeGreaterThan(0.6);
  });

  it('skews old, as rural clinics do, and is born between 1900 and today', () => {
    const ages = patients.map((p) => Number(TODAY.slice(0, 4)) - Number(p.birth_date.slice(0, 4))).sort((a, b) => a - b);
    expect(ages[Math.floor(ages.length / 2)]).toBeGreaterThanOrEqual(45);
    expect(ages.filter((a) => a >= 60).length / ages.length).toBeGreaterThan(0.35);
    for (const p of patients) {
      expect(p.birth_date >= '1900-01-01' && p.birth_date <= TODAY).toBe(true);
      expect(p.created_at <= NOW.toISOString()).toBe(true);
    }
  });

  it('uses sane phones, known fee categories and GB/T 4761 relationship codes', () => {
    const fees = new Set(DEFAULT_FEE_CATEGORIES.map((c) => c.code));
    for (const p of patients) {
      if (p.phone) expect(checkPhone(p.phone).ok).toBe(true);
      if (p.emergency_contact?.phone) expect(checkPhone(p.emergency_contact.phone).ok).toBe(true);
      expect(fees.has(p.insurance?.fee_category ?? '')).toBe(true);
      if (p.emergency_contact) expect(['11', '12', '20', '30', '51', '52']).toContain(p.emergency_contact.relationship);
    }
    expect(new Set(patients.map((p) => p.name)).size).toBeGreaterThan(SAMPLE / 4);
  });

  it('is deterministic by seed', () => {
    expect(take(generatePatients(300, patientOptions), 300)).toEqual(patients.slice(0, 300));
    const other = take(generatePatients(300, { ...patientOptions, seed: 'another' }), 300);
    expect(other.map((p) => p._id)).not.toEqual(patients.slice(0, 300).map((p) => p._id));
  });

  it('rejects a bad clinic code, clinic division or key before yielding anything', () => {
    expect(() => generatePatients(1, { ...patientOptions, clinicCode: 'Bad Code' }).next()).toThrow();
    expect(() => generatePatients(1, { ...patientOptions, clinicDivision: '999999' }).next()).toThrow(RangeError);
    expect(() => generatePatients(1, { ...patientOptions, keyHex: 'abc' }).next()).toThrow(RangeError);
  });

  it('streams 200,000 patients without duplicate ids (rate logged, not asserted)', () => {
    const started = performance.now();
    const cpuStarted = process.cpuUsage();
    const ids = new Set<string>();
    let count = 0;
    for (const p of generatePatients(200_000, { ...patientOptions, seed: 'volume' })) {
      ids.add(p._id);
      count += 1;
    }
    const seconds = (performance.now() - started) / 1000;
    const cpu = process.cpuUsage(cpuStarted);
    const cpuSeconds = (cpu.user + cpu.system) / 1e6;
    // CPU time as well as wall time: these machines are shared, and wall time swings with the load.
    console.log(
      `generatePatients: ${count} in ${seconds.toFixed(2)} s wall (${Math.round(count / seconds)} docs/s), ` +
        `${cpuSeconds.toFixed(2)} s CPU (${Math.round(count / cpuSeconds)} docs/CPU-s)`,
    );
    expect(ids.size).toBe(count);
  });
});

describe('generateEncounters', () => {
  const patients = take(generatePatients(3000, patientOptions), 3000);
  const byId = new Map<string, PatientDoc>(patients.map((p) => [p._id, p]));
  const encounterOptions = {
    seed: 'test-clinic',
    clinicCode: 'zc-dongguan',
    now: NOW,
    departments,
    staff,
    expectedVisitsPerDay: estimateVisitsPerDay(patients.length),
  };
  const encounters = [...generateEncounters(patients, encounterOptions)];

  it('yields a believable number of visits', () => {
    expect(encounters.length / patients.length).toBeGreaterThan(1.5);
    expect(encounters.length / patients.length).toBeLessThan(4);
  });

  it('yields documents that all pass the encounter schema unchanged', () => {
    for (const e of encounters) {
      const result = encounterDoc.safeParse(e);
      if (!result.success) throw new Error(`${e._id}: ${result.error.message}`);
      expect(result.data).toEqual(e);
    }
  });

  it('numbers visits uniquely, per workstation and day, in time order', () => {
    expect(new Set(encounters.map((e) => e.visit_number)).size).toBe(encounters.length);
    expect(new Set(encounters.map((e) => e._id)).size).toBe(encounters.length);
    const byDesk = new Map<string, typeof encounters>();
    for (const e of encounters) {
      const [ws, date] = e.visit_number.split('-');
      expect(date).toBe(e.visit_date.replaceAll('-', ''));
      const key = `${ws}-${date}`;
      byDesk.set(key, [...(byDesk.get(key) ?? []), e]);
    }
    for (const list of byDesk.values()) {
      const sorted = list.slice().sort((a, b) => a.visit_number.localeCompare(b.visit_number));
      for (let i = 1; i < sorted.length; i += 1) expect(sorted[i].registered_at >= sorted[i - 1].registered_at).toBe(true);
    }
  });

  it('registers visits to outpatient departments and their own doctors, within the window and after the patient record', () => {
    const outpatient = new Set(departments.filter((d) => d.outpatient).map((d) => d.code));
    const firstDate = dateOfDayNumber(chinaDayNumber(NOW.getTime()) - 365);
    for (const e of encounters) {
      expect(outpatient.has(e.department_code)).toBe(true);
      if (e.doctor_username) {
        const doctor = staff.find((u) => u.username === e.doctor_username);
        expect(doctor?.department_codes).toContain(e.department_code);
      }
      const patient = byId.get(e.patient_id);
      expect(patient).toBeDefined();
      expect(e.registered_at > (patient?.created_at ?? '')).toBe(true);
      expect(e.registered_at <= NOW.toISOString()).toBe(true);
      expect(e.updated_at >= e.registered_at && e.updated_at <= NOW.toISOString()).toBe(true);
      expect(e.visit_date >= firstDate && e.visit_date <= TODAY).toBe(true);
      expect(dateOfDayNumber(chinaDayNumber(Date.parse(e.registered_at)))).toBe(e.visit_date);
      expect(e.fee_category).toBe(patient?.insurance?.fee_category);
      if (e.status === 'cancelled') expect(e.cancel_reason).toBeTruthy();
      if (e.status === 'waiting' || e.status === 'in_progress') expect(e.visit_date).toBe(TODAY);
    }
  });

  it('is deterministic by seed', () => {
    expect([...generateEncounters(patients, encounterOptions)]).toEqual(encounters);
    const other = [...generateEncounters(patients, { ...encounterOptions, seed: 'other' })];
    expect(other.map((e) => e._id)).not.toEqual(encounters.map((e) => e._id));
  });
});
