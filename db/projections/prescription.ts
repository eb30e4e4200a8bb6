import { prescriptions } from '../schema';
import { defineProjector } from './define';
import { deleteRowsWhere, upsertRow } from './rows';

export const prescriptionProjector = defineProjector({
  type: 'prescription',
  tables: [prescriptions],
  project(tx, doc) {
    upsertRow(tx, prescriptions, {
      id: doc._id,
      encounterId: doc.encounter_id,
      patientId: doc.patient_id,
      doctorUsername: doc.doctor_username,
      kind: doc.kind,
      status: doc.status,
      drugNames: doc.items.map((item) => item.drug_name).join('、'),
      createdAt: doc.created_at,
    });
  },
  remove(tx, id) {
    deleteRowsWhere(tx, prescriptions, prescriptions.id, id);
  },
});
