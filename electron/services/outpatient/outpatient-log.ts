/**
 * 门诊日志: the register of outpatient visits township centres keep for disease surveillance, made
 * from the records (the visit, the patient, the note's diagnoses), never typed again. One row per
 * visit not cancelled; the diagnosis is the note's, primary first, 疑似 marked.
 */
import type { LogRow } from '../../../shared/api';
import { VISIT_TYPE_LABELS } from '../../../shared/docs/encounter';
import type { PatientDoc } from '../../../shared/docs/patient';
import type { NoteDiagnosisRow } from '../../../db/queries';
import type { ClinicData } from '../clinic-data';
import { ageOn, sexLabel } from '../patients/display';
import { loadDivisionIndex } from '../reference/code-sets';
import { doctorNames } from './views';

export interface LogRange {
  readonly from: string;
  readonly to: string;
  readonly departmentCode?: string;
}

function addressOf(patient: PatientDoc | null): string {
  const address = patient?.address;
  if (!address) return '';
  const division = address.division_code ? loadDivisionIndex().divisionPath(address.division_code).join('') : '';
  return `${division}${address.detail}`;
}

/** Occupation is not part of every patient record yet; a body that carries one (a newer form) is read. */
function occupationOf(patient: PatientDoc | null): string {
  const value = (patient as Record<string, unknown> | null)?.occupation;
  return typeof value === 'string' ? value : '';
}

function diagnosisText(diagnoses: ReadonlyArray<NoteDiagnosisRow>): string {
  return [...diagnoses]
    .sort((a, b) => Number(b.position === 'primary') - Number(a.position === 'primary') || a.seq - b.seq)
    .map((d) => (d.certainty === 'suspected' ? `${d.name}（疑似）` : d.name))
    .join('；');
}

export function outpatientLog(data: ClinicData, range: LogRange): { rows: LogRow[] } {
  const visits = data.outpatient.visitsBetween(range.from, range.to, range.departmentCode);
  const notes = new Map(data.outpatient.notesOfEncounters(visits.map((v) => v.id)).map((n) => [n.encounterId, n]));
  const diagnoses = new Map<string, NoteDiagnosisRow[]>();
  for (const d of data.outpatient.diagnosesOf([...notes.values()].map((n) => n.id))) diagnoses.set(d.noteId, [...(diagnoses.get(d.noteId) ?? []), d]);
  const patients = new Map<string, PatientDoc | null>();
  const patientOf = (id: string) => {
    if (!patients.has(id)) patients.set(id, (data.store.get(id) as unknown as PatientDoc | null) ?? null);
    return patients.get(id) ?? null;
  };
  const doctorName = doctorNames(data);
  return {
    rows: visits.map((visit) => {
      const patient = patientOf(visit.patientId);
      const note = notes.get(visit.id);
      const doctor = note?.doctorUsername ?? visit.doctorUsername;
      return {
        visitDate: visit.visitDate,
        visitNumber: visit.visitNumber,
        name: patient?.name ?? '（档案缺失）',
        sexLabel: patient ? sexLabel(patient.sex) : '',
        ageText: patient ? ageOn(patient.birth_date, visit.visitDate).text : '',
        address: addressOf(patient),
        occupation: occupationOf(patient),
        onsetDate: note?.onsetDate ?? '',
        diagnosis: note ? diagnosisText(diagnoses.get(note.id) ?? []) : '',
        visitTypeLabel: VISIT_TYPE_LABELS[visit.visitType as keyof typeof VISIT_TYPE_LABELS] ?? visit.visitType,
        doctorName: doctor ? doctorName(doctor) : '',
      };
    }),
  };
}

/** The columns of the log, in the order of the paper register. */
export const LOG_COLUMNS: ReadonlyArray<{ readonly key: keyof LogRow; readonly title: string; readonly width: number }> = [
  { key: 'visitDate', title: '就诊日期', width: 12 },
  { key: 'visitNumber', title: '门诊号', width: 20 },
  { key: 'name', title: '姓名', width: 10 },
  { key: 'sexLabel', title: '性别', width: 6 },
  { key: 'ageText', title: '年龄', width: 8 },
  { key: 'address', title: '住址', width: 36 },
  { key: 'occupation', title: '职业', width: 10 },
  { key: 'onsetDate', title: '发病日期', width: 12 },
  { key: 'diagnosis', title: '诊断', width: 30 },
  { key: 'visitTypeLabel', title: '初诊/复诊', width: 10 },
  { key: 'doctorName', title: '医生', width: 10 },
];
