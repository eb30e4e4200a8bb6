import { archiveChanges, qcReviews, qcTasks } from '../schema';
import { defineProjector } from './define';
import { deleteRowsWhere, upsertRow } from './rows';

export const qcReviewProjector = defineProjector({
  type: 'qc_review',
  tables: [qcReviews],
  project(tx, doc) {
    upsertRow(tx, qcReviews, {
      id: doc._id,
      encounterId: doc.encounter_id,
      reviewer: doc.reviewer,
      reviewedAt: doc.reviewed_at,
      pass: doc.pass,
      grade: doc.grade,
      defectCodes: doc.defects.map((d) => d.code).join(' '),
      sendBack: doc.send_back,
    });
  },
  remove(tx, id) {
    deleteRowsWhere(tx, qcReviews, qcReviews.id, id);
  },
});

export const qcTaskProjector = defineProjector({
  type: 'qc_task',
  tables: [qcTasks],
  project(tx, doc) {
    upsertRow(tx, qcTasks, {
      id: doc._id,
      encounterId: doc.encounter_id,
      noteId: doc.note_id,
      reviewId: doc.review_id,
      doctorUsername: doc.doctor_username,
      status: doc.status,
      createdAt: doc.created_at,
      answeredAt: doc.answered_at,
    });
  },
  remove(tx, id) {
    deleteRowsWhere(tx, qcTasks, qcTasks.id, id);
  },
});

export const archiveChangeProjector = defineProjector({
  type: 'archive_change',
  tables: [archiveChanges],
  project(tx, doc) {
    upsertRow(tx, archiveChanges, {
      id: doc._id,
      caseNumber: doc.case_number,
      status: doc.status,
      reason: doc.reason,
      requestedBy: doc.requested_by,
      requestedAt: doc.requested_at,
      decidedBy: doc.decided_by,
      decidedAt: doc.decided_at,
    });
  },
  remove(tx, id) {
    deleteRowsWhere(tx, archiveChanges, archiveChanges.id, id);
  },
});
