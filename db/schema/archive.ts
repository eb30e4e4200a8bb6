import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** Projection of `archive_case` documents (病案): one row per 病案号. */
export const archiveCases = sqliteTable(
  'archive_cases',
  {
    caseNumber: text('case_number').primaryKey(),
    docId: text('doc_id').notNull(),
    clinicCode: text('clinic_code').notNull(),
    patientId: text('patient_id').notNull(),
    /** Null for a paper record. */
    encounterId: text('encounter_id'),
    kind: text('kind').notNull(),
    departmentCode: text('department_code').notNull(),
    doctorUsername: text('doctor_username'),
    visitDate: text('visit_date').notNull(),
    /** The diagnosis codes, space-separated, for `LIKE` on a code or an ICD chapter's letter. */
    diagnosisCodes: text('diagnosis_codes').notNull(),
    documentCount: integer('document_count').notNull(),
    qcGrade: text('qc_grade').notNull(),
    qcReviewId: text('qc_review_id'),
    archivedAt: text('archived_at').notNull(),
    archivedBy: text('archived_by').notNull(),
    workstationId: text('workstation_id').notNull(),
    /**
     * 15 years after the patient's last visit (AR-08): recomputed whenever one of the patient's visits
     * is projected, so every new visit moves it on (AR-09). Nothing reads it to destroy anything.
     */
    retentionUntil: text('retention_until').notNull(),
  },
  (t) => [
    index('archive_cases_patient_idx').on(t.patientId),
    index('archive_cases_encounter_idx').on(t.encounterId),
    index('archive_cases_archived_idx').on(t.archivedAt),
    index('archive_cases_visit_date_idx').on(t.visitDate, t.departmentCode),
  ],
);

/**
 * Which cases are sealed (封存, AR-26–AR-34): one row per case ever sealed, written by the seal
 * projection. A case with state `sealed` is left out of every list, count, search and view for a user
 * without `archive.seal` (db/queries/archive-visibility.ts).
 */
export const caseSeals = sqliteTable('case_seals', {
  caseNumber: text('case_number').primaryKey(),
  sealId: text('seal_id').notNull(),
  /** `sealed` | `unsealed` */
  state: text('state').notNull(),
  sealedAt: text('sealed_at').notNull(),
});

/** Projection of `qc_review` documents (质控评定): every pass over a visit before archiving. */
export const qcReviews = sqliteTable(
  'qc_reviews',
  {
    id: text('id').primaryKey(),
    encounterId: text('encounter_id').notNull(),
    reviewer: text('reviewer').notNull(),
    reviewedAt: text('reviewed_at').notNull(),
    pass: integer('pass').notNull(),
    grade: text('grade').notNull(),
    /** The defect codes, space-separated (the statistics count them). */
    defectCodes: text('defect_codes').notNull(),
    sendBack: integer('send_back', { mode: 'boolean' }).notNull(),
  },
  (t) => [index('qc_reviews_encounter_idx').on(t.encounterId, t.reviewedAt)],
);

/** Projection of `qc_task` documents (病案整改 sent back to a doctor). */
export const qcTasks = sqliteTable(
  'qc_tasks',
  {
    id: text('id').primaryKey(),
    encounterId: text('encounter_id').notNull(),
    noteId: text('note_id').notNull(),
    reviewId: text('review_id').notNull(),
    doctorUsername: text('doctor_username').notNull(),
    status: text('status').notNull(),
    createdAt: text('created_at').notNull(),
    answeredAt: text('answered_at'),
  },
  (t) => [index('qc_tasks_doctor_idx').on(t.doctorUsername, t.status), index('qc_tasks_encounter_idx').on(t.encounterId)],
);

/** Projection of `archive_change` documents (归档后修改, AR-05). */
export const archiveChanges = sqliteTable(
  'archive_changes',
  {
    id: text('id').primaryKey(),
    caseNumber: text('case_number').notNull(),
    status: text('status').notNull(),
    reason: text('reason').notNull(),
    requestedBy: text('requested_by').notNull(),
    requestedAt: text('requested_at').notNull(),
    decidedBy: text('decided_by'),
    decidedAt: text('decided_at'),
  },
  (t) => [index('archive_changes_case_idx').on(t.caseNumber), index('archive_changes_status_idx').on(t.status)],
);
