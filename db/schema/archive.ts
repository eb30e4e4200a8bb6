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
