import type Database from 'better-sqlite3';

/**
 * The store's SQL, prepared once per connection. The write path runs these thousands of times a
 * second, so they are plain better-sqlite3 statements rather than drizzle queries; the tables are
 * declared in db/schema/store.ts.
 */

export interface DocumentRow {
  readonly doc_key: number;
  readonly type: string | null;
  readonly winning_rev: string;
  readonly deleted: 0 | 1;
  readonly rev_tree: string;
  readonly conflict_count: number;
  /** The document's row in `changes`. */
  readonly seq: number;
}

export interface RevisionRow {
  readonly deleted: 0 | 1;
  readonly body: string;
}

export interface ChangeJoinRow {
  readonly seq: number;
  readonly doc_id: string;
  readonly winning_rev: string;
  readonly deleted: 0 | 1;
  readonly rev_tree: string;
  readonly conflict_count: number;
  readonly body: string | null;
}

export function prepareStoreStatements(sqlite: Database.Database) {
  const changesColumns = 'c.seq, d.id AS doc_id, d.winning_rev, d.deleted, d.rev_tree, d.conflict_count';
  return {
    selectDocument: sqlite.prepare<[string], DocumentRow>(
      'SELECT doc_key, type, winning_rev, deleted, rev_tree, conflict_count, seq FROM documents WHERE id = ?',
    ),
    /** A new document; its `seq` is set once its row in `changes` exists (which refers to it). */
    insertDocument: sqlite.prepare<[string, string | null, string, number, string, number]>(
      'INSERT INTO documents (id, type, winning_rev, deleted, rev_tree, conflict_count, seq) VALUES (?, ?, ?, ?, ?, ?, 0)',
    ),
    setDocumentSeq: sqlite.prepare<[number, number]>('UPDATE documents SET seq = ? WHERE doc_key = ?'),
    updateDocument: sqlite.prepare<[string | null, string, number, string, number, number, number]>(
      'UPDATE documents SET type = ?, winning_rev = ?, deleted = ?, rev_tree = ?, conflict_count = ?, seq = ? WHERE doc_key = ?',
    ),
    /** Only the tree changes: a body arrived for a revision the tree knew as missing. */
    updateRevTree: sqlite.prepare<[string, number]>('UPDATE documents SET rev_tree = ? WHERE doc_key = ?'),
    insertRevision: sqlite.prepare<[number, string, number, number, string, number]>(
      'INSERT INTO revisions (doc_key, rev, pos, deleted, body, stored_at) VALUES (?, ?, ?, ?, ?, ?)',
    ),
    selectRevision: sqlite.prepare<[number, string], RevisionRow>('SELECT deleted, body FROM revisions WHERE doc_key = ? AND rev = ?'),
    hasRevision: sqlite.prepare<[number, string], number>('SELECT 1 FROM revisions WHERE doc_key = ? AND rev = ?').pluck(),
    listRevisions: sqlite.prepare<[number], { rev: string; deleted: 0 | 1; body: string }>(
      'SELECT rev, deleted, body FROM revisions WHERE doc_key = ? ORDER BY pos, revision_id',
    ),
    /** A document's row in the changes feed, at a fresh sequence number (the old row is deleted first). */
    insertChange: sqlite.prepare<[number]>('INSERT INTO changes (doc_key) VALUES (?)'),
    deleteChange: sqlite.prepare<[number]>('DELETE FROM changes WHERE seq = ?'),
    changesSince: sqlite.prepare<[number, number], ChangeJoinRow>(
      `SELECT ${changesColumns}, NULL AS body FROM changes c JOIN documents d ON d.doc_key = c.doc_key
       WHERE c.seq > ? ORDER BY c.seq LIMIT ?`,
    ),
    changesSinceWithDocs: sqlite.prepare<[number, number], ChangeJoinRow>(
      `SELECT ${changesColumns}, r.body FROM changes c JOIN documents d ON d.doc_key = c.doc_key
       LEFT JOIN revisions r ON r.doc_key = d.doc_key AND r.rev = d.winning_rev
       WHERE c.seq > ? ORDER BY c.seq LIMIT ?`,
    ),
    updateSeq: sqlite.prepare<[], number>('SELECT coalesce(max(seq), 0) FROM changes').pluck(),
    countDocuments: sqlite.prepare<[], number>('SELECT count(*) FROM documents').pluck(),
    countDeleted: sqlite.prepare<[], number>('SELECT count(*) FROM documents WHERE deleted = 1').pluck(),
    pageCount: sqlite.prepare<[], number>('PRAGMA page_count').pluck(),
    pageSize: sqlite.prepare<[], number>('PRAGMA page_size').pluck(),

    selectLocal: sqlite.prepare<[string], { rev: string; body: string }>('SELECT rev, body FROM local_docs WHERE id = ?'),
    upsertLocal: sqlite.prepare<[string, string, string]>(
      'INSERT INTO local_docs (id, rev, body) VALUES (?, ?, ?) ON CONFLICT (id) DO UPDATE SET rev = excluded.rev, body = excluded.body',
    ),
    deleteLocal: sqlite.prepare<[string]>('DELETE FROM local_docs WHERE id = ?'),

    insertAttachment: sqlite.prepare<[string, Buffer, number]>('INSERT OR IGNORE INTO attachments (digest, data, length) VALUES (?, ?, ?)'),
    selectAttachment: sqlite.prepare<[string], Buffer>('SELECT data FROM attachments WHERE digest = ?').pluck(),
    attachmentLength: sqlite.prepare<[string], number>('SELECT length FROM attachments WHERE digest = ?').pluck(),
  };
}

export type StoreStatements = ReturnType<typeof prepareStoreStatements>;
