import { encounters } from '../schema';
import { refreshRetention } from './archive-retention';
import { defineProjector } from './define';
import { encounterPatientId, refreshSearchRank } from './patient-search';
import { deleteRowsWhere, upsertRow } from './rows';

export const encounterProjector = defineProjector({
  type: 'encounter',
  tables: [encounters],
  project(tx, doc, { replacing }) {
    const previousPatient = replacing ? encounterPatientId(tx, doc._id) : undefined;
    upsertRow(tx, encounters, {
      id: doc._id,
      clinicCode: doc.clinic_code,
      patientId: doc.patient_id,
      departmentCode: doc.department_code,
      doctorUsername: doc.doctor_username ?? null,
      visitType: doc.visit_type,
      feeCategory: doc.fee_category,
      visitNumber: doc.visit_number,
      queueNumber: doc.queue_number ?? null,
      visitDate: doc.visit_date,
      registeredAt: doc.registered_at,
      status: doc.status,
      cancelReason: doc.cancel_reason ?? null,
      calledAt: doc.called_at ?? null,
      callCount: doc.call_count ?? null,
      passedAt: doc.passed_at ?? null,
      completedAt: doc.completed_at ?? null,
      createdAt: doc.created_at,
      updatedAt: doc.updated_at,
    });
    // A visit makes its patient recent (search ranks recent visitors first).
    refreshSearchRank(tx, doc.patient_id);
    if (previousPatient !== undefined && previousPatient !== doc.patient_id) refreshSearchRank(tx, previousPatient);
    // A visit moves the retention date of the patient's archived cases on (AR-09).
    refreshRetention(tx, doc.patient_id);
  },
  remove(tx, id) {
    const patientId = encounterPatientId(tx, id);
    deleteRowsWhere(tx, encounters, encounters.id, id);
    if (patientId !== undefined) {
      refreshSearchRank(tx, patientId);
      refreshRetention(tx, patientId);
    }
  },
});
