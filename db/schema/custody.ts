import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** Projection of `access_grant` documents (电子借阅授权). Whether one is in force is decided at read time by the clock. */
export const accessGrants = sqliteTable(
  'access_grants',
  {
    id: text('id').primaryKey(),
    granteeUsername: text('grantee_username').notNull(),
    granteeName: text('grantee_name').notNull(),
    purpose: text('purpose').notNull(),
    reason: text('reason').notNull(),
    approvedBy: text('approved_by').notNull(),
    approvedByName: text('approved_by_name').notNull(),
    approvedAt: text('approved_at').notNull(),
    validFrom: text('valid_from').notNull(),
    validUntil: text('valid_until').notNull(),
    status: text('status').notNull(),
    revokedAt: text('revoked_at'),
  },
  (t) => [index('access_grants_grantee_idx').on(t.granteeUsername, t.validUntil), index('access_grants_approved_idx').on(t.approvedAt)],
);

/** The cases one grant opens. */
export const accessGrantCases = sqliteTable(
  'access_grant_cases',
  {
    grantId: text('grant_id').notNull(),
    caseNumber: text('case_number').notNull(),
  },
  (t) => [primaryKey({ columns: [t.grantId, t.caseNumber] }), index('access_grant_cases_case_idx').on(t.caseNumber)],
);

/** Projection of `paper_loan` documents (纸质病案借出): the desk's list and the overdue list. */
export const paperLoans = sqliteTable(
  'paper_loans',
  {
    id: text('id').primaryKey(),
    caseNumber: text('case_number').notNull(),
    borrowerName: text('borrower_name').notNull(),
    borrowerUnit: text('borrower_unit').notNull(),
    purpose: text('purpose').notNull(),
    approverName: text('approver_name').notNull(),
    lentAt: text('lent_at').notNull(),
    lentBy: text('lent_by').notNull(),
    dueDate: text('due_date').notNull(),
    status: text('status').notNull(),
    returnedAt: text('returned_at'),
  },
  (t) => [
    index('paper_loans_case_idx').on(t.caseNumber, t.status),
    index('paper_loans_status_due_idx').on(t.status, t.dueDate),
    index('paper_loans_lent_at_idx').on(t.lentAt),
  ],
);

/** Projection of `seal` documents (病案封存): the 封存 tab's list. */
export const seals = sqliteTable(
  'seals',
  {
    id: text('id').primaryKey(),
    patientId: text('patient_id').notNull(),
    caseNumbers: text('case_numbers').notNull(),
    reason: text('reason').notNull(),
    sealedAt: text('sealed_at').notNull(),
    stageCount: integer('stage_count').notNull(),
    itemCount: integer('item_count').notNull(),
    status: text('status').notNull(),
    unsealApprovedAt: text('unseal_approved_at'),
    unsealedAt: text('unsealed_at'),
  },
  (t) => [index('seals_sealed_at_idx').on(t.sealedAt), index('seals_patient_idx').on(t.patientId)],
);

/** Every revision on a seal's 封存清单: which documents are sealed (no amendment, no change while sealed). */
export const sealedDocuments = sqliteTable(
  'sealed_documents',
  {
    sealId: text('seal_id').notNull(),
    docId: text('doc_id').notNull(),
    rev: text('rev').notNull(),
    stage: integer('stage').notNull(),
    caseNumber: text('case_number').notNull(),
    sealStatus: text('seal_status').notNull(),
  },
  (t) => [primaryKey({ columns: [t.sealId, t.docId, t.rev] }), index('sealed_documents_doc_idx').on(t.docId, t.sealStatus)],
);
