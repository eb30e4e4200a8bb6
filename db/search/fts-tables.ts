import type Database from 'better-sqlite3';

/**
 * The FTS5 table of the full-text search, created at open (idempotent) rather than by a migration:
 * drizzle declares no virtual tables. It holds only the tokens (db/search/tokens.ts), contentless;
 * `record_text` (db/schema/search.ts, a projection table) says what each row belongs to, and a
 * trigger removes a row's tokens with it, so emptying `record_text` (a projection rebuild) empties
 * the index too.
 *
 * `records_search_notes_visit_idx` lets the structured search read notes newest first and stop at
 * its page instead of sorting every match.
 *
 * The `ascii` tokenizer splits only at spaces and ASCII punctuation: every token we write is already
 * made (character pairs, Latin words with their decimal point), and non-ASCII text stays whole
 * whatever Unicode version SQLite's tables know.
 */
export const FTS_TABLE = 'record_text_fts';

export function ensureSearchTables(sqlite: Database.Database): void {
  const hasRecordText = sqlite.prepare<[], number>("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'record_text'").pluck().get() === 1;
  if (!hasRecordText) return;
  sqlite.exec(`
    CREATE VIRTUAL TABLE IF NOT EXISTS ${FTS_TABLE} USING fts5(terms, content = '', contentless_delete = 1, tokenize = "ascii tokenchars '.'");
    CREATE INDEX IF NOT EXISTS records_search_notes_visit_idx ON outpatient_notes (visit_at);
    CREATE TRIGGER IF NOT EXISTS record_text_tokens_gone AFTER DELETE ON record_text BEGIN
      DELETE FROM ${FTS_TABLE} WHERE rowid = old.rowid;
    END;
  `);
}
