import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** Projection of `signature` documents: which signatures a document has, and each patient's. */
export const signatures = sqliteTable(
  'signatures',
  {
    id: text('id').primaryKey(),
    targetId: text('target_id').notNull(),
    targetType: text('target_type').notNull(),
    patientId: text('patient_id'),
    purpose: text('purpose').notNull(),
    signer: text('signer').notNull(),
    keyId: text('key_id').notNull(),
    signedAt: text('signed_at').notNull(),
  },
  (t) => [
    index('signatures_target_idx').on(t.targetId, t.signedAt),
    index('signatures_patient_idx').on(t.patientId, t.signedAt),
    index('signatures_signed_at_idx').on(t.signedAt),
  ],
);

/** Projection of `amendment` documents: the corrections of each document, in order. */
export const amendments = sqliteTable(
  'amendments',
  {
    id: text('id').primaryKey(),
    targetId: text('target_id').notNull(),
    patientId: text('patient_id'),
    sequence: integer('sequence').notNull(),
    author: text('author').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('amendments_target_idx').on(t.targetId, t.sequence, t.createdAt)],
);
