/**
 * Demo outpatient visits (就诊) for patients produced by generatePatients, streamed in patient
 * order. Each document validates against `encounterDoc`. Visit numbers are
 * `<workstation>-<YYYYMMDD>-<seq>`, counted per workstation and day, so they are unique without
 * any coordination, as on real registration desks.
 *
 * Registration times follow the numbers: number n at a desk expecting E visits a day falls in
 * [1 − e^(−n/E), 1 − e^(−(n+1)/E)) of the opening hours. Later numbers get later times, the
 * morning is busiest (as in a township clinic, where villagers come early), and an unexpectedly
 * busy day crowds the afternoon instead of running past closing time.
 */
import { ulid } from 'ulid';
import { clinicCode as clinicCodeSchema } from '../../shared/docs/base';
import type { DepartmentDoc } from '../../shared/docs/department';
import type { EncounterDoc } from '../../shared/docs/encounter';
import type { PatientDoc } from '../../shared/docs/patient';
import type { UserDoc } from '../../shared/docs/user';
import { chinaDayNumber, chinaInstant, dateOfDayNumber, dayNumber, isoInstant, weekday } from './clock';
import { Prng, WeightedTable } from './prng';
import { doctorsByDepartment } from './staff';

export type EncounterPatient = Pick<PatientDoc, '_id' | 'birth_date' | 'created_at' | 'sex' | 'insurance'>;

export interface EncounterGeneratorOptions {
  readonly seed: string | number;
  readonly clinicCode: string;
  readonly now: Date;
  readonly departments: ReadonlyArray<Pick<DepartmentDoc, 'code' | 'outpatient' | 'active'>>;
  readonly staff: ReadonlyArray<UserDoc>;
  /** How far back visits go; default 365 days (today's visits are included, up to `now`). */
  readonly daysBack?: number;
  /** Registration workstations, the first part of the visit number; default GH1 and GH2. */
  readonly workstations?: ReadonlyArray<string>;
  /**
   * Visits the whole clinic registers on a weekday, used to space registration times through the
   * day; default 150. For N patients, `estimateVisitsPerDay(N)` gives a consistent figure.
   */
  readonly expectedVisitsPerDay?: number;
}

/** Visits per patient per year by age: small children and the elderly come most. */
function yearlyVisits(age: number): number {
  if (age < 6) return 3;
  if (age < 18) return 1.2;
  if (age < 45) return 1;
  if (age < 65) return 2.2;
  return 4;
}

/** Average of yearlyVisits over generatePatients' age mix, rounded. */
const MEAN_YEARLY_VISITS = 2.6;

export function estimateVisitsPerDay(patientCount: number): number {
  return Math.max(1, Math.round((patientCount * MEAN_YEARLY_VISITS) / 365));
}

/** Department mix by kind of patient, as 诊疗科目 codes (see departments.ts). */
const DEPARTMENT_MIX: Readonly<Record<'child' | 'woman' | 'adult' | 'elderly', ReadonlyArray<readonly [string, number]>>> = {
  child: [
    ['07', 55],
    ['02', 15],
    ['01', 12],
    ['03', 5],
    ['50', 5],
    ['04', 5],
    ['12', 3],
  ],
  woman: [
    ['03', 25],
    ['02', 20],
    ['05', 20],
    ['50', 10],
    ['04', 10],
    ['01', 5],
    ['12', 5],
    ['21', 5],
  ],
  adult: [
    ['03', 35],
    ['02', 25],
    ['04', 12],
    ['50', 12],
    ['01', 4],
    ['12', 6],
    ['21', 6],
  ],
  elderly: [
    ['03', 38],
    ['02', 25],
    ['50', 14],
    ['01', 8],
    ['04', 6],
    ['21', 6],
    ['12', 3],
  ],
};

const EMERGENCY_SHARE = 0.03;
const CANCEL_SHARE = 0.02;
const CANCEL_REASONS = ['患者未就诊，自行离开', '患者要求退号', '挂错科室，已改挂', '重复挂号'];
const RETURN_WITHIN_DAYS = 30;
const OPENING_S = 7.5 * 3600;
const WORKDAY_LENGTH_S = 10 * 3600;

export function* generateEncounters(patients: Iterable<EncounterPatient>, options: EncounterGeneratorOptions): Generator<EncounterDoc, void, undefined> {
  const clinicCode = clinicCodeSchema.parse(options.clinicCode);
  const rng = new Prng(options.seed).fork('encounters');
  const nowMs = options.now.getTime();
  const today = chinaDayNumber(nowMs);
  const daysBack = options.daysBack ?? 365;
  const workstations = options.workstations ?? ['GH1', 'GH2'];
  for (const ws of workstations) {
    if (!/^[A-Z0-9]{1,8}$/.test(ws)) throw new RangeError(`workstation code must be 1–8 capital letters or digits: ${ws}`);
  }
  if (workstations.length === 0 || workstations.length > 64) throw new RangeError('between 1 and 64 workstations are supported');
  const perDesk = Math.max(1, (options.expectedVisitsPerDay ?? 150) / workstations.length);
  const openingFraction = (seq: number): number => 1 - Math.exp(-seq / perDesk);
  /** Seconds since midnight for the `seq`-th registration (0-based) at a desk. */
  const timeOfNumber = (seq: number): number => {
    const from = openingFraction(seq);
    const to = openingFraction(seq + 1);
    return OPENING_S + WORKDAY_LENGTH_S * (from + (to - from) * rng.next());
  };

  const open = options.departments.filter((d) => d.outpatient && d.active).map((d) => d.code);
  if (open.length === 0) throw new RangeError('no active outpatient department to register visits to');
  const uniform = new WeightedTable(open.map((code) => [code, 1] as const));
  const mixes = Object.fromEntries(
    Object.entries(DEPARTMENT_MIX).map(([kind, mix]) => {
      const available = mix.filter(([code]) => open.includes(code));
      return [kind, available.length > 0 ? new WeightedTable(available) : uniform];
    }),
  ) as Record<keyof typeof DEPARTMENT_MIX, WeightedTable<string>>;
  const emergencyDepartment = open.includes('20') ? '20' : null;
  const doctors = doctorsByDepartment(options.staff);
  const registrars = options.staff.filter((u) => u.active && u.roles.includes('registrar')).map((u) => u.username);
  if (registrars.length === 0) registrars.push('demo');

  /** Numbers already given out, per (day, workstation). */
  const issued = new Map<number, number>();
  const deskKey = (day: number, ws: number): number => day * 64 + ws;

  for (const patient of patients) {
    const birthDay = dayNumber(patient.birth_date);
    const firstDay = Math.max(today - daysBack, chinaDayNumber(Date.parse(patient.created_at)) + 1, birthDay);
    if (firstDay > today) continue;
    const age = (today - birthDay) / 365.2425;
    const count = rng.poisson((yearlyVisits(age) * daysBack) / 365);
    if (count === 0) continue;

    const days: number[] = [];
    for (let i = 0; i < count; i += 1) {
      let day = rng.between(firstDay, today);
      // Fewer people come at the weekend.
      for (let retry = 0; retry < 3 && !rng.chance(weekendFactor(day)); retry += 1) day = rng.between(firstDay, today);
      days.push(day);
    }
    days.sort((a, b) => a - b);

    const kind = age < 14 ? 'child' : age >= 60 ? 'elderly' : patient.sex === '2' && age < 50 ? 'woman' : 'adult';
    let previousDay = -Infinity;
    for (let day of days) {
      const emergency = rng.chance(EMERGENCY_SHARE);
      const department = emergency && emergencyDepartment ? emergencyDepartment : mixes[kind].pick(rng);
      const wsIndex = rng.int(workstations.length);

      // Take the next number at this desk; a visit that would fall after `now` moves to an earlier day.
      let seq = issued.get(deskKey(day, wsIndex)) ?? 0;
      let registeredMs = chinaInstant(day, timeOfNumber(seq));
      if (registeredMs > nowMs) {
        if (firstDay > today - 1) continue;
        day = rng.between(firstDay, today - 1);
        seq = issued.get(deskKey(day, wsIndex)) ?? 0;
        registeredMs = chinaInstant(day, timeOfNumber(seq));
      }
      issued.set(deskKey(day, wsIndex), seq + 1);

      const doctorList = doctors.get(department);
      const doctor = doctorList ? rng.pick(doctorList) : undefined;
      const registrar = rng.pick(registrars);
      const visitType = emergency ? 'emergency' : day - previousDay <= RETURN_WITHIN_DAYS ? 'return' : 'first';
      previousDay = day;

      const outcome = progress(rng, registeredMs, nowMs);
      const doc: EncounterDoc = {
        _id: `encounter:${ulid(registeredMs, rng.asFunction)}`,
        type: 'encounter',
        schema_version: 1,
        clinic_code: clinicCode,
        created_at: isoInstant(registeredMs),
        created_by: registrar,
        updated_at: isoInstant(outcome.updatedMs),
        updated_by: outcome.byDoctor && doctor ? doctor : registrar,
        patient_id: patient._id,
        department_code: department,
        visit_type: visitType,
        fee_category: patient.insurance?.fee_category ?? 'self',
        visit_number: `${workstations[wsIndex]}-${dateOfDayNumber(day).replaceAll('-', '')}-${String(seq + 1).padStart(4, '0')}`,
        visit_date: dateOfDayNumber(day),
        registered_at: isoInstant(registeredMs),
        status: outcome.status,
      };
      if (doctor) doc.doctor_username = doctor;
      if (outcome.status === 'cancelled') doc.cancel_reason = rng.pick(CANCEL_REASONS);
      yield doc;
    }
  }
}

function weekendFactor(day: number): number {
  const wd = weekday(day);
  return wd === 0 ? 0.6 : wd === 6 ? 0.8 : 1;
}

/**
 * Where a visit stands at `now`: past visits are completed (a few cancelled); today's recent ones
 * are still waiting or being seen.
 */
function progress(rng: Prng, registeredMs: number, nowMs: number): { status: EncounterDoc['status']; updatedMs: number; byDoctor: boolean } {
  const minutes = (n: number) => n * 60_000;
  const elapsed = nowMs - registeredMs;
  if (rng.chance(CANCEL_SHARE)) {
    return { status: 'cancelled', updatedMs: Math.min(nowMs, registeredMs + minutes(rng.between(1, 30))), byDoctor: false };
  }
  if (elapsed < minutes(20)) return { status: 'waiting', updatedMs: registeredMs, byDoctor: false };
  if (elapsed < minutes(45)) {
    return { status: 'in_progress', updatedMs: Math.min(nowMs, registeredMs + minutes(rng.between(5, 15))), byDoctor: true };
  }
  return { status: 'completed', updatedMs: Math.min(nowMs, registeredMs + minutes(rng.between(8, 40))), byDoctor: true };
}
