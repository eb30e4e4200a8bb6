/**
 * Visits as the front desk and the doctors see them: names instead of codes, the number of the day
 * in the department, and the place among those still waiting.
 */
import { ENCOUNTER_STATUS_LABELS, type VisitView } from '../../../shared/api';
import type { ClinicSettingsDoc } from '../../../shared/docs/clinic';
import { VISIT_TYPE_LABELS } from '../../../shared/docs/encounter';
import { maskIdNumber } from '../../../shared/identity';
import type { ClinicData } from '../clinic-data';
import { ageOn, sexLabel } from '../patients/display';
import type { EncounterRow, QueuePlace } from '../../../db/queries';

/** Names looked up once per call, not once per visit. */
export interface VisitNames {
  readonly departments: ReadonlyMap<string, string>;
  readonly doctors: ReadonlyMap<string, string>;
  readonly feeCategories: ReadonlyMap<string, string>;
}

export function visitNames(data: ClinicData, settings: ClinicSettingsDoc): VisitNames {
  return {
    departments: new Map(data.departments.list().map((d) => [d.code, d.name])),
    doctors: new Map(data.users.list().map((u) => [u.username, u.displayName])),
    feeCategories: new Map(settings.fee_categories.map((c) => [c.code, c.name])),
  };
}

/** One queue: a department's visits for one doctor, or those assigned to no doctor. */
const sameQueue = (a: EncounterRow, b: EncounterRow) => a.departmentCode === b.departmentCode && (a.doctorUsername ?? null) === (b.doctorUsername ?? null);

export const byRegistration = (a: EncounterRow, b: EncounterRow) =>
  a.registeredAt < b.registeredAt ? -1 : a.registeredAt > b.registeredAt ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

/** Waiting order: emergencies first, then by registration time. */
export const byCallOrder = (a: EncounterRow, b: EncounterRow) =>
  Number(b.visitType === 'emergency') - Number(a.visitType === 'emergency') || byRegistration(a, b);

/**
 * 就诊序号: 1 + the visits of the same department registered earlier that day, whatever doctor was
 * chosen and cancelled ones included (numbers are never reused, and never handed out twice).
 */
export function queueNumberOf(visit: EncounterRow, day: ReadonlyArray<EncounterRow>): number {
  return (
    1 + day.filter((other) => other.visitDate === visit.visitDate && other.departmentCode === visit.departmentCode && byRegistration(other, visit) < 0).length
  );
}

/** Place among the waiting visits of the same queue, or null when the visit is not waiting. */
export function queuePositionOf(visit: EncounterRow, day: ReadonlyArray<EncounterRow>): number | null {
  if (visit.status !== 'waiting') return null;
  return 1 + day.filter((other) => other.status === 'waiting' && sameQueue(other, visit) && byCallOrder(other, visit) < 0).length;
}

/** The place of each visit of a day list, worked out from the list itself. */
export function placeInDay(visit: EncounterRow, day: ReadonlyArray<EncounterRow>): QueuePlace {
  return { number: queueNumberOf(visit, day), position: queuePositionOf(visit, day) };
}

export function visitView(data: ClinicData, visit: EncounterRow, rev: string, place: QueuePlace, names: VisitNames): VisitView {
  const patient = data.patients.byId(visit.patientId);
  const doctor = visit.doctorUsername;
  return {
    id: visit.id,
    rev,
    visitNumber: visit.visitNumber,
    visitDate: visit.visitDate,
    registeredAt: visit.registeredAt,
    patient: {
      id: visit.patientId,
      name: patient?.name ?? '（档案缺失）',
      sexLabel: patient ? sexLabel(patient.sex) : '',
      ageText: patient ? ageOn(patient.birthDate, visit.visitDate).text : '',
      idNumberMasked: patient?.idNumber ? maskIdNumber(patient.idNumber) : null,
    },
    department: { code: visit.departmentCode, name: names.departments.get(visit.departmentCode) ?? visit.departmentCode },
    doctor: doctor ? { username: doctor, displayName: names.doctors.get(doctor) ?? doctor } : null,
    visitType: visit.visitType as VisitView['visitType'],
    visitTypeLabel: VISIT_TYPE_LABELS[visit.visitType as VisitView['visitType']] ?? visit.visitType,
    feeCategory: { code: visit.feeCategory, name: names.feeCategories.get(visit.feeCategory) ?? visit.feeCategory },
    status: visit.status as VisitView['status'],
    statusLabel: ENCOUNTER_STATUS_LABELS[visit.status as VisitView['status']] ?? visit.status,
    queueNumber: place.number,
    queueLabel: visit.queueNumber ?? String(place.number),
    queuePosition: place.position,
    cancelReason: visit.cancelReason,
  };
}
