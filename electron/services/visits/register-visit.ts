/** 挂号 and 退号. */
import { ulid } from 'ulid';
import { ApiFailure, type VisitView } from '../../../shared/api';
import type { EncounterDoc } from '../../../shared/docs/encounter';
import { DEFAULT_RETURN_VISIT_DAYS, returnVisitSince } from '../../../shared/codes/visit-rules';
import { clinicDate } from '../../../shared/time/clinic-time';
import type { ClinicData } from '../clinic-data';
import { documentStamp } from '../clinic-data';
import { requireSettings } from '../patients/patient-records';
import { META_WORKSTATION } from '../setup';
import { visitNames, visitView } from './visit-views';

export interface RegisterVisitInput {
  readonly patientId: string;
  readonly departmentCode: string;
  readonly doctorUsername?: string;
  readonly visitType: EncounterDoc['visit_type'];
  readonly feeCategory: string;
  /** 就诊序号 given in a centre (electron/services/lan-link.ts `queueNumberFor`); left out on a single PC. */
  readonly queueNumber?: string;
}

const invalid = (path: string, message: string) => new ApiFailure('VALIDATION_FAILED', message, [{ path, message }]);

/**
 * 门诊号 `<workstation>-<YYYYMMDD>-<seq>`: the workstation's own counter for the day, so desks never
 * need to agree. The counter is local and not replicated; after a restore from the county it starts
 * again, so the sequence also steps past any number of the day already on file.
 */
function nextVisitNumber(data: ClinicData, workstation: string, day: string): string {
  const compact = day.replaceAll('-', '');
  const prefix = `${workstation}-${compact}-`;
  const seq = Math.max(data.counters.next(`visit:${workstation}:${compact}`), data.encounters.highestSequence(prefix) + 1);
  return `${prefix}${String(seq).padStart(4, '0')}`;
}

/** A visit still open: registering the patient again in that department would queue them twice. */
const OPEN_STATUSES: ReadonlySet<string> = new Set(['waiting', 'in_progress']);

/** 复诊 only after a visit to the same department within the clinic's period (shared/codes/visit-rules.ts). */
function checkReturnVisit(
  data: ClinicData,
  patientId: string,
  departmentName: string,
  departmentCode: string,
  day: string,
  days = DEFAULT_RETURN_VISIT_DAYS,
): void {
  const records = [patientId, ...data.patients.mergedInto(patientId).map((p) => p.id)];
  if (data.encounters.latestInDepartmentSince(records, departmentCode, returnVisitSince(day, days))) return;
  throw invalid('visitType', `这位患者 ${days} 天内没有在${departmentName}看过，不能挂复诊，请选初诊。`);
}

export function registerVisit(data: ClinicData, input: RegisterVisitInput, actor: string, now = new Date()): VisitView {
  const settings = requireSettings(data);
  const patient = data.patients.byId(input.patientId);
  if (!patient) throw new ApiFailure('NOT_FOUND', '没有找到这位患者的档案，请重新查找。');
  if (patient.mergedInto) throw invalid('patientId', '这份档案已经合并到另一份档案，请选用合并后的档案挂号。');

  const department = data.departments.list().find((d) => d.code === input.departmentCode);
  if (!department) throw invalid('departmentCode', '没有这个科室，请从列表里选择。');
  if (!department.active || !department.outpatient) throw invalid('departmentCode', `${department.name}不接受门诊挂号，请换一个科室。`);
  if (input.doctorUsername) {
    const doctor = data.users.list().find((u) => u.username === input.doctorUsername);
    if (!doctor || !doctor.active || !doctor.roles.includes('doctor')) throw invalid('doctorUsername', '没有这位医生（或账号已停用），请从列表里选择。');
    if (doctor.departmentCodes.length > 0 && !doctor.departmentCodes.includes(input.departmentCode)) {
      throw invalid('doctorUsername', `${doctor.displayName}不在${department.name}出诊，请换一位医生或不指定医生。`);
    }
  }
  if (!settings.fee_categories.some((c) => c.code === input.feeCategory)) throw invalid('feeCategory', '没有这个费别，请从列表里选择。');

  const workstation = data.meta.get(META_WORKSTATION);
  if (!workstation) throw new ApiFailure('NOT_SET_UP');
  // The clinic's calendar day (its zone, not the PC's): the day the visit number and queue number count in.
  const day = clinicDate(now, settings.time_zone);
  return data.store.transaction(() => {
    const open = data.encounters.ofPatientOnDay(patient.id, day).find((v) => v.departmentCode === department.code && OPEN_STATUSES.has(v.status));
    if (open) {
      const where = open.status === 'waiting' ? '还在候诊' : '正在就诊';
      throw new ApiFailure('DUPLICATE', `${patient.name}今天已经挂了${department.name}的号（门诊号 ${open.visitNumber}），${where}，不用重复挂号。`);
    }
    if (input.visitType === 'return') checkReturnVisit(data, patient.id, department.name, department.code, day, settings.return_visit_days);

    const stamp = documentStamp(settings.code, actor, now);
    const doc: EncounterDoc = {
      _id: `encounter:${ulid(now.getTime())}`,
      type: 'encounter',
      ...stamp,
      patient_id: patient.id,
      department_code: department.code,
      ...(input.doctorUsername ? { doctor_username: input.doctorUsername } : {}),
      visit_type: input.visitType,
      fee_category: input.feeCategory,
      visit_number: nextVisitNumber(data, workstation, day),
      ...(input.queueNumber ? { queue_number: input.queueNumber } : {}),
      visit_date: day,
      registered_at: stamp.created_at,
      status: 'waiting',
    };
    const [result] = data.store.bulkDocs([doc]);
    if (!result.ok) throw new ApiFailure('VALIDATION_FAILED', result.reason);
    const row = data.encounters.byId(doc._id);
    if (!row) throw new Error(`visit ${doc._id} was written but is not in the projection`);
    return visitView(data, row, result.rev, data.encounters.queuePlace(row), visitNames(data, settings));
  });
}

export function cancelVisit(data: ClinicData, input: { id: string; rev: string; reason: string }, actor: string, now = new Date()): VisitView {
  const settings = requireSettings(data);
  return data.store.transaction(() => {
    const doc = data.store.get(input.id);
    if (!doc || doc.type !== 'encounter') throw new ApiFailure('NOT_FOUND', '没有找到这次挂号。');
    const visit = doc as unknown as EncounterDoc & { _rev: string };
    if (visit._rev !== input.rev) throw new ApiFailure('CONFLICT');
    if (visit.status === 'cancelled') throw new ApiFailure('CONFLICT', '这个号已经退过了。');
    if (visit.status !== 'waiting') throw new ApiFailure('CONFLICT', '医生已经接诊，不能退号；如需取消请联系医生。');
    const stamp = documentStamp(settings.code, actor, now);
    const [result] = data.store.bulkDocs([
      { ...visit, status: 'cancelled', cancel_reason: input.reason, updated_at: stamp.updated_at, updated_by: stamp.updated_by },
    ]);
    if (!result.ok)
      throw new ApiFailure(result.error === 'conflict' ? 'CONFLICT' : 'VALIDATION_FAILED', result.error === 'conflict' ? undefined : result.reason);
    const row = data.encounters.byId(input.id);
    if (!row) throw new Error(`visit ${input.id} is not in the projection`);
    return visitView(data, row, result.rev, data.encounters.queuePlace(row), visitNames(data, settings));
  });
}
