import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** Projection of `page_set` documents (纸质病历扫描件): the scan desk's list and the archive queue's paper records. */
export const pageSets = sqliteTable(
  'page_sets',
  {
    id: text('id').primaryKey(),
    patientId: text('patient_id').notNull(),
    encounterId: text('encounter_id'),
    caseNumber: text('case_number'),
    title: text('title').notNull(),
    pageCount: integer('page_count').notNull(),
    status: text('status').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [index('page_sets_patient_idx').on(t.patientId), index('page_sets_case_idx').on(t.caseNumber), index('page_sets_encounter_idx').on(t.encounterId)],
);
