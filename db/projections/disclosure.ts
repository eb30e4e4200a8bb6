import { disclosures } from '../schema';
import { defineProjector } from './define';
import { deleteRowsWhere, upsertRow } from './rows';

export const disclosureProjector = defineProjector({
  type: 'disclosure',
  tables: [disclosures],
  project(tx, doc) {
    upsertRow(tx, disclosures, {
      id: doc._id,
      patientId: doc.patient_id,
      copyRequestId: doc.copy_request_id,
      caseNumbers: doc.case_numbers.join(' '),
      applicantKind: doc.applicant.kind,
      applicantName: doc.applicant.name,
      purpose: doc.purpose,
      pages: doc.pages,
      printedAt: doc.printed_at,
      printedBy: doc.printed_by.username,
    });
  },
  remove(tx, id) {
    deleteRowsWhere(tx, disclosures, disclosures.id, id);
  },
});
