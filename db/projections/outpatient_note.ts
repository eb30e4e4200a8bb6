import { noteDiagnoses, outpatientNotes } from '../schema';
import { defineProjector } from './define';
import { deleteRowsWhere, insertRowIfAbsent, upsertRow } from './rows';

export const outpatientNoteProjector = defineProjector({
  type: 'outpatient_note',
  tables: [outpatientNotes, noteDiagnoses],
  project(tx, doc) {
    upsertRow(tx, outpatientNotes, {
      id: doc._id,
      encounterId: doc.encounter_id,
      patientId: doc.patient_id,
      departmentCode: doc.department_code,
      doctorUsername: doc.doctor_username,
      visitType: doc.visit_type,
      visitAt: doc.visit_at,
      onsetDate: doc.onset_date ?? null,
      chiefComplaint: doc.chief_complaint,
      status: doc.status,
      diagnosisCount: doc.diagnoses.length,
      updatedAt: doc.updated_at,
    });
    deleteRowsWhere(tx, noteDiagnoses, noteDiagnoses.noteId, doc._id);
    doc.diagnoses.forEach((d, seq) =>
      insertRowIfAbsent(tx, noteDiagnoses, {
        noteId: doc._id,
        seq,
        code: d.code,
        codeSystem: d.code_system,
        version: d.version,
        name: d.name,
        position: d.position,
        certainty: d.certainty,
      }),
    );
  },
  remove(tx, id) {
    deleteRowsWhere(tx, outpatientNotes, outpatientNotes.id, id);
    deleteRowsWhere(tx, noteDiagnoses, noteDiagnoses.noteId, id);
  },
});
