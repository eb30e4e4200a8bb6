/** Registering a new patient, editing one (optimistic concurrency on `_rev`), and reading one whole. */
import { ulid } from 'ulid';
import { ApiFailure, type PatientDetail, type PatientForm, type PatientHit } from '../../../shared/api';
import type { ClinicSettingsDoc } from '../../../shared/docs/clinic';
import type { PatientDoc } from '../../../shared/docs/patient';
import { chinaDateOf, createPatientIdDeriver, maskIdNumber } from '../../../shared/identity';
import type { ClinicData } from '../clinic-data';
import { documentStamp } from '../clinic-data';
import { readClinicSettings } from '../setup';
import { ageOn } from './display';
import { findDuplicates } from './duplicates';
import { departmentNames, hitOf } from './patient-hits';
import { checkPatientForm, formOf } from './patient-form';

export interface SavedPatient {
  readonly id: string;
  readonly rev: string;
  readonly patient: PatientHit;
}

const derivers = new Map<string, (id18: string) => string>();

/** `patient:h…` from the resident ID number with the county key (ARCHITECTURE.md, "Data"). */
function hashedPatientId(settings: ClinicSettingsDoc, id18: string): string {
  let derive = derivers.get(settings.patient_id_key);
  if (!derive) derivers.set(settings.patient_id_key, (derive = createPatientIdDeriver(settings.patient_id_key)));
  return derive(id18);
}

export function requireSettings(data: ClinicData): ClinicSettingsDoc {
  const settings = readClinicSettings(data);
  if (!settings) throw new ApiFailure('NOT_SET_UP');
  return settings;
}

export function readPatient(data: ClinicData, id: string): PatientDoc & { _rev: string } {
  const doc = data.store.get(id);
  if (!doc || doc.type !== 'patient') throw new ApiFailure('NOT_FOUND', '没有找到这位患者的档案。');
  return doc as unknown as PatientDoc & { _rev: string };
}

function savedHit(data: ClinicData, id: string, rev: string, today: string): SavedPatient {
  const row = data.patients.byId(id);
  if (!row) throw new Error(`patient ${id} was written but is not in the projection`);
  return { id, rev, patient: hitOf(data, row, { key: 'patient_id', exact: true }, today, departmentNames(data)) };
}

function sameIdNumberMessage(name: string): string {
  return `这个证件号码已经有档案了（${name}），请直接选用该档案；如果档案内容有误，请在该档案上修改。`;
}

export function registerPatient(
  data: ClinicData,
  input: { patient: PatientForm; acknowledgedDuplicates: boolean },
  actor: string,
  now = new Date(),
): SavedPatient {
  const settings = requireSettings(data);
  const today = chinaDateOf(now);
  const { fields, residentId } = checkPatientForm(input.patient, { today, feeCategories: settings.fee_categories });
  const id = residentId ? hashedPatientId(settings, residentId) : `patient:${ulid(now.getTime())}`;

  const duplicates = findDuplicates(
    data,
    { name: fields.name, sex: fields.sex, birthDate: fields.birth_date, idNumber: fields.id_number, phone: fields.phone },
    today,
  );
  const sameId = duplicates.find((d) => d.reasons.includes('same_id_number'));
  const existing = data.store.get(id);
  if (sameId || existing) throw new ApiFailure('DUPLICATE', sameIdNumberMessage(sameId?.patient.name ?? String(existing?.name ?? '')));
  if (duplicates.length > 0 && !input.acknowledgedDuplicates) {
    throw new ApiFailure(
      'DUPLICATE',
      `发现 ${duplicates.length} 份可能是同一人的档案（${duplicates[0].patient.name}：${duplicates[0].reasonText}），请先核对；确认不是同一人再保存。`,
    );
  }

  const doc: PatientDoc = { _id: id, type: 'patient', ...documentStamp(settings.code, actor, now), schema_version: 2, ...fields };
  const [result] = data.store.bulkDocs([doc]);
  if (!result.ok) {
    if (result.error === 'conflict') throw new ApiFailure('DUPLICATE', sameIdNumberMessage(fields.name));
    throw new ApiFailure('VALIDATION_FAILED', result.reason);
  }
  return savedHit(data, id, result.rev, today);
}

export function updatePatient(data: ClinicData, input: { id: string; rev: string; patient: PatientForm }, actor: string, now = new Date()): SavedPatient {
  const settings = requireSettings(data);
  const today = chinaDateOf(now);
  const current = readPatient(data, input.id);
  if (current._rev !== input.rev) throw new ApiFailure('CONFLICT');
  const { fields, residentId } = checkPatientForm(input.patient, { today, feeCategories: settings.fee_categories });

  // A hashed id is the ID number: changing the number would leave the id naming another person.
  if (input.id.startsWith('patient:h') && (!residentId || hashedPatientId(settings, residentId) !== input.id)) {
    throw new ApiFailure('VALIDATION_FAILED', undefined, [
      { path: 'idNumber', message: '这份档案是按身份证号建立的，号码不能直接修改。如果号码登记错了，请用正确号码新建档案，再把这份旧档案合并进去。' },
    ]);
  }
  if (fields.id_number && fields.id_number !== current.id_number) {
    const others = data.patients.byIdNumber(fields.id_number).filter((row) => row.id !== input.id);
    const hashedOther = residentId ? data.store.get(hashedPatientId(settings, residentId)) : null;
    if (others.length > 0 || (hashedOther && hashedOther._id !== input.id)) {
      throw new ApiFailure('DUPLICATE', sameIdNumberMessage(others[0]?.name ?? String(hashedOther?.name ?? '')));
    }
  }

  const stamp = documentStamp(settings.code, actor, now);
  const doc: PatientDoc & { _rev: string } = {
    _id: input.id,
    _rev: input.rev,
    type: 'patient',
    schema_version: 2,
    clinic_code: current.clinic_code,
    created_at: current.created_at,
    created_by: current.created_by,
    updated_at: stamp.updated_at,
    updated_by: stamp.updated_by,
    ...fields,
    ...(current.merged_into ? { merged_into: current.merged_into } : {}),
  };
  const [result] = data.store.bulkDocs([doc]);
  if (!result.ok) throw new ApiFailure(result.error === 'conflict' ? 'CONFLICT' : 'VALIDATION_FAILED', result.error === 'conflict' ? undefined : result.reason);
  return savedHit(data, input.id, result.rev, today);
}

const DETAIL_VISITS = 20;

export function patientDetail(data: ClinicData, id: string, now = new Date()): PatientDetail {
  const doc = readPatient(data, id);
  const today = chinaDateOf(now);
  const age = ageOn(doc.birth_date, today);
  const absorbed = data.patients.mergedInto(id);
  const departments = departmentNames(data);
  const visits = data.encounters.recentOfPatients([id, ...absorbed.map((a) => a.id)], DETAIL_VISITS);
  return {
    id,
    rev: doc._rev,
    form: formOf(doc),
    age: age.years,
    ageText: age.text,
    idNumberMasked: doc.id_number ? maskIdNumber(doc.id_number) : null,
    mergedInto: doc.merged_into ?? null,
    mergedFrom: absorbed.map((a) => ({
      id: a.id,
      rev: String(data.store.get(a.id)?._rev ?? ''),
      name: a.name,
      idNumberMasked: a.idNumber ? maskIdNumber(a.idNumber) : null,
    })),
    createdAt: doc.created_at,
    updatedAt: doc.updated_at,
    visits: visits.map((v) => ({
      id: v.id,
      patientId: v.patientId,
      visitNumber: v.visitNumber,
      visitDate: v.visitDate,
      departmentCode: v.departmentCode,
      departmentName: departments.get(v.departmentCode) ?? v.departmentCode,
      doctorUsername: v.doctorUsername,
      visitType: v.visitType as PatientDetail['visits'][number]['visitType'],
      status: v.status as PatientDetail['visits'][number]['status'],
    })),
  };
}
