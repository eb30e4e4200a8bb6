import { copyRequests } from '../schema';
import { defineProjector } from './define';
import { deleteRowsWhere, upsertRow } from './rows';

export const copyRequestProjector = defineProjector({
  type: 'copy_request',
  tables: [copyRequests],
  project(tx, doc) {
    upsertRow(tx, copyRequests, {
      id: doc._id,
      patientId: doc.patient_id,
      caseNumbers: doc.case_numbers.join(' '),
      applicantKind: doc.applicant.kind,
      applicantName: doc.applicant.name,
      purpose: doc.purpose,
      status: doc.status,
      requestedAt: doc.created_at,
      requestedBy: doc.created_by,
      disclosureId: doc.disclosure_id ?? null,
    });
  },
  remove(tx, id) {
    deleteRowsWhere(tx, copyRequests, copyRequests.id, id);
  },
});
