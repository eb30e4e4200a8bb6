import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** Projection of `copy_request` documents (复印申请): the copy desk's list of requests. */
export const copyRequests = sqliteTable(
  'copy_requests',
  {
    id: text('id').primaryKey(),
    patientId: text('patient_id').notNull(),
    /** The 病案号s asked for, space-separated. */
    caseNumbers: text('case_numbers').notNull(),
    applicantKind: text('applicant_kind').notNull(),
    applicantName: text('applicant_name').notNull(),
    purpose: text('purpose').notNull(),
    /** `requested` | `approved` | `refused` | `copied` */
    status: text('status').notNull(),
    requestedAt: text('requested_at').notNull(),
    requestedBy: text('requested_by').notNull(),
    disclosureId: text('disclosure_id'),
  },
  (t) => [index('copy_requests_status_idx').on(t.status, t.requestedAt), index('copy_requests_patient_idx').on(t.patientId)],
);

/** Projection of `disclosure` documents (复印登记): the disclosure log, by time and by patient. */
export const disclosures = sqliteTable(
  'disclosures',
  {
    id: text('id').primaryKey(),
    patientId: text('patient_id').notNull(),
    copyRequestId: text('copy_request_id').notNull(),
    caseNumbers: text('case_numbers').notNull(),
    applicantKind: text('applicant_kind').notNull(),
    applicantName: text('applicant_name').notNull(),
    purpose: text('purpose').notNull(),
    pages: integer('pages').notNull(),
    printedAt: text('printed_at').notNull(),
    printedBy: text('printed_by').notNull(),
  },
  (t) => [index('disclosures_printed_idx').on(t.printedAt), index('disclosures_patient_idx').on(t.patientId)],
);
