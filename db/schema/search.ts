import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * The full-text search's row per indexed document (a note, an amendment, the machine-read text of a
 * scanned page): what it belongs to. Its implicit rowid is the rowid of the same document in the
 * FTS5 table `record_text_fts` (db/search/fts-tables.ts), which holds the tokens only.
 */
export const recordText = sqliteTable(
  'record_text',
  {
    docId: text('doc_id').primaryKey(),
    /** `note`, `amendment` or `page`. */
    source: text('source').notNull(),
    /** The record a hit opens: the note (for a note or its amendment) or the page set. */
    recordId: text('record_id').notNull(),
    patientId: text('patient_id'),
    /** Text read by OCR (机器识别), not typed by a person. */
    machineRead: integer('machine_read', { mode: 'boolean' }).notNull(),
  },
  (t) => [index('record_text_record_idx').on(t.recordId)],
);
