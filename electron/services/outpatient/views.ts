/** Notes and prescriptions as the screens see them. */
import type { NoteView, PrescriptionView } from '../../../shared/api';
import type { OutpatientNoteDoc } from '../../../shared/docs/outpatient-note';
import type { PrescriptionDoc } from '../../../shared/docs/prescription';
import type { ClinicData } from '../clinic-data';
import type { Stored } from './records';

export function noteViewOf(note: Stored<OutpatientNoteDoc>, doctorName: string): NoteView {
  const { onset_date, vitals, diagnoses, copy_marks } = note;
  return {
    id: note._id,
    rev: note._rev,
    status: note.status,
    visitAt: note.visit_at,
    doctor: doctorName,
    content: {
      ...(onset_date ? { onset_date } : {}),
      chief_complaint: note.chief_complaint,
      present_illness: note.present_illness,
      past_history: note.past_history,
      allergy_history: note.allergy_history,
      personal_history: note.personal_history,
      physical_exam: note.physical_exam,
      auxiliary_exams: note.auxiliary_exams,
      plan: note.plan,
      vitals,
      diagnoses,
      copy_marks,
    },
  };
}

export function prescriptionViewOf(prescription: Stored<PrescriptionDoc>, doctorName: string): PrescriptionView {
  return {
    id: prescription._id,
    rev: prescription._rev,
    kind: prescription.kind,
    status: prescription.status,
    items: prescription.items,
    createdAt: prescription.created_at,
    doctor: doctorName,
  };
}

/** Display names of the staff, looked up once per call. */
export function doctorNames(data: ClinicData): (username: string) => string {
  const names = new Map(data.users.list().map((u) => [u.username, u.displayName]));
  return (username) => names.get(username) ?? username;
}
