/**
 * One visit's chart: the patient banner, the visit's note and prescriptions, and this PC's draft of
 * the note; and the patient's history (every earlier visit with its note and prescriptions).
 */
import { ApiFailure, type ChartView, type HistoryEntry, type PatientBanner } from '../../../shared/api';
import { chronicConditions } from '../../../shared/clinical/chronic';
import { VISIT_TYPE_LABELS } from '../../../shared/docs/encounter';
import type { OutpatientNoteDoc } from '../../../shared/docs/outpatient-note';
import type { PatientDoc } from '../../../shared/docs/patient';
import type { PrescriptionDoc } from '../../../shared/docs/prescription';
import type { ClinicData } from '../clinic-data';
import { ageOn, sexLabel } from '../patients/display';
import { requireSettings } from '../patients/patient-records';
import type { Actor } from '../sessions';
import { visitNames } from '../visits/visit-views';
import { noteDraftKey, queueVisitOf } from './queue';
import { readDocument, type Stored } from './records';
import { doctorNames, noteViewOf, prescriptionViewOf } from './views';

/** A patient record and the records merged into it: their visits are one history. */
export function patientRecords(data: ClinicData, patientId: string): string[] {
  return [patientId, ...data.patients.mergedInto(patientId).map((p) => p.id)];
}

const readNote = (data: ClinicData, id: string) => readDocument<OutpatientNoteDoc>(data, id, 'outpatient_note', '没有找到这份病历。');
const readPrescription = (data: ClinicData, id: string) => readDocument<PrescriptionDoc>(data, id, 'prescription', '没有找到这张处方。');

function banner(data: ClinicData, patientId: string, feeCategory: string, today: string): PatientBanner {
  const patient = readDocument<PatientDoc>(data, patientId, 'patient', '没有找到这位患者的档案。');
  const notes = data.outpatient.notesOfPatients(patientRecords(data, patientId));
  const codes = data.outpatient.diagnosesOf(notes.map((n) => n.id)).map((d) => d.code);
  return {
    id: patient._id,
    name: patient.name,
    sexLabel: sexLabel(patient.sex),
    ageText: ageOn(patient.birth_date, today).text,
    allergies: patient.allergies.map((a) => (a.reaction ? `${a.substance}（${a.reaction}）` : a.substance)),
    feeCategory,
    chronicConditions: chronicConditions(codes),
  };
}

export function openChart(data: ClinicData, actor: Actor, encounterId: string): ChartView {
  const row = data.encounters.byId(encounterId);
  if (!row) throw new ApiFailure('NOT_FOUND', '没有找到这次就诊，请刷新候诊列表。');
  const names = visitNames(data, requireSettings(data));
  const doctorName = doctorNames(data);
  const visit = queueVisitOf(data, row, data.encounters.ofDay(row.visitDate, { departmentCode: row.departmentCode }), names);
  const noteRow = data.outpatient.notesOfEncounter(encounterId)[0];
  const note = noteRow ? noteViewOf(readNote(data, noteRow.id), doctorName(noteRow.doctorUsername)) : null;
  const draft = data.store.drafts.get(actor.username, noteDraftKey(encounterId));
  // A draft older than the saved note was overtaken by a save on another PC: the note wins.
  const freshDraft = draft && note?.status !== 'signed' && (!noteRow || draft.saved_at > noteRow.updatedAt) ? draft : null;
  return {
    visit,
    banner: banner(data, row.patientId, visit.feeCategory.name, row.visitDate),
    note,
    prescriptions: data.outpatient
      .prescriptionsOfEncounter(encounterId)
      .map((p) => prescriptionViewOf(readPrescription(data, p.id), doctorName(p.doctorUsername))),
    draft: freshDraft ? { savedAt: freshDraft.saved_at, content: { ...freshDraft.content } } : null,
  };
}

/** Every earlier visit of the patient, newest first, with its note and prescriptions. */
export function patientHistory(data: ClinicData, patientId: string): { entries: HistoryEntry[] } {
  const records = patientRecords(data, patientId);
  const visits = data.encounters.recentOfPatients(records, 10_000).filter((v) => v.status !== 'cancelled');
  const notes = new Map(data.outpatient.notesOfPatients(records).map((n) => [n.encounterId, n]));
  const prescriptions = new Map<string, Array<Stored<PrescriptionDoc>>>();
  for (const row of data.outpatient.prescriptionsOfPatients(records)) {
    const list = prescriptions.get(row.encounterId) ?? [];
    list.push(readPrescription(data, row.id));
    prescriptions.set(row.encounterId, list);
  }
  const names = visitNames(data, requireSettings(data));
  const doctorName = doctorNames(data);
  return {
    entries: visits.map((visit) => {
      const noteRow = notes.get(visit.id);
      const doctor = noteRow?.doctorUsername ?? visit.doctorUsername;
      return {
        encounterId: visit.id,
        visitDate: visit.visitDate,
        visitTypeLabel: VISIT_TYPE_LABELS[visit.visitType as keyof typeof VISIT_TYPE_LABELS] ?? visit.visitType,
        departmentName: names.departments.get(visit.departmentCode) ?? visit.departmentCode,
        doctorName: doctor ? doctorName(doctor) : '',
        note: noteRow ? noteViewOf(readNote(data, noteRow.id), doctorName(noteRow.doctorUsername)) : null,
        prescriptions: (prescriptions.get(visit.id) ?? []).map((p) => prescriptionViewOf(p, doctorName(p.doctor_username))),
      };
    }),
  };
}
