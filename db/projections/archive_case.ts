import { archiveCases } from '../schema';
import { refreshRetention } from './archive-retention';
import { defineProjector } from './define';
import { deleteRowsWhere, upsertRow } from './rows';

export const archiveCaseProjector = defineProjector({
  type: 'archive_case',
  tables: [archiveCases],
  project(tx, doc) {
    upsertRow(tx, archiveCases, {
      caseNumber: doc.caseNumber,
      docId: doc._id,
      clinicCode: doc.clinic_code,
      patientId: doc.patientId,
      encounterId: doc.encounterId,
      kind: doc.kind,
      departmentCode: doc.departmentCode,
      doctorUsername: doc.doctorUsername,
      visitDate: doc.visitDate,
      diagnosisCodes: doc.diagnosisCodes.join(' '),
      documentCount: doc.documents.length,
      qcGrade: doc.qcGrade,
      qcReviewId: doc.qcReviewId,
      archivedAt: doc.archivedAt,
      archivedBy: doc.archivedBy,
      workstationId: doc.workstationId,
      // Set from the case's own visit first; refreshRetention moves it to the patient's latest visit.
      retentionUntil: doc.visitDate,
    });
    refreshRetention(tx, doc.patientId);
  },
  remove(tx, id) {
    deleteRowsWhere(tx, archiveCases, archiveCases.docId, id);
  },
});
