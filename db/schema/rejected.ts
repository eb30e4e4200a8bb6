import { sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * Documents whose winning revision arrived by replication but does not pass its type's schema.
 * They are stored (no data is ever lost) but not projected; this table lets the UI list them.
 * Derived data like the projections: rebuilt from the documents, so no timestamps here.
 */
export const rejectedProjections = sqliteTable('rejected_projections', {
  docId: text('doc_id').primaryKey(),
  rev: text('rev').notNull(),
  type: text('type').notNull(),
  reason: text('reason').notNull(),
});
