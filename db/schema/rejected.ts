import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

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

/**
 * Documents whose winning revision was written by a newer program (a `schema_version` this PC does
 * not know yet). They are stored and replicated onwards unchanged, listed here for the
 * administrator, and projected once the program is updated (the next open retries them).
 */
export const awaitingUpgrade = sqliteTable('awaiting_upgrade', {
  docId: text('doc_id').primaryKey(),
  rev: text('rev').notNull(),
  type: text('type').notNull(),
  version: integer('version').notNull(),
});
