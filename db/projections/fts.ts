import { recordText } from '../schema';
import { indexTokens } from '../search/tokens';
import { FTS_TABLE } from '../search/fts-tables';
import type { IndexedText } from '../search/record-text';
import type { ProjectContext, ProjectionTx, Projector } from './types';

/**
 * The full-text index as a projection: a document's text (db/search/record-text.ts) becomes one
 * `record_text` row and its tokens one row of the FTS5 table with the same rowid. Rebuilt with the
 * other projections (emptying `record_text` empties the index, see fts-tables.ts), and kept in step
 * on every write and every replicated arrival, in the document's own transaction.
 */

function statements(tx: ProjectionTx) {
  return tx.prepared('fts.statements', () => ({
    rowidOf: tx.sqlite.prepare<[string], number>('SELECT rowid FROM record_text WHERE doc_id = ?').pluck(),
    insertRow: tx.sqlite
      .prepare<[string, string, string, string | null, number], number>(
        'INSERT INTO record_text (doc_id, source, record_id, patient_id, machine_read) VALUES (?, ?, ?, ?, ?) RETURNING rowid',
      )
      .pluck(),
    updateRow: tx.sqlite.prepare<[string, string, string | null, number, number]>(
      'UPDATE record_text SET source = ?, record_id = ?, patient_id = ?, machine_read = ? WHERE rowid = ?',
    ),
    forgetTokens: tx.sqlite.prepare<[number]>(`DELETE FROM ${FTS_TABLE} WHERE rowid = ?`),
    insertTokens: tx.sqlite.prepare<[number, string]>(`INSERT INTO ${FTS_TABLE} (rowid, terms) VALUES (?, ?)`),
    deleteRow: tx.sqlite.prepare<[string]>('DELETE FROM record_text WHERE doc_id = ?'),
  }));
}

/** Indexes (or re-indexes) one document's text. */
export function projectText(tx: ProjectionTx, docId: string, indexed: IndexedText, context: ProjectContext): void {
  const s = statements(tx);
  const machineRead = indexed.machineRead ? 1 : 0;
  const existing = context.replacing ? s.rowidOf.get(docId) : undefined;
  let rowid: number;
  if (existing === undefined) rowid = s.insertRow.get(docId, indexed.source, indexed.recordId, indexed.patientId, machineRead) as number;
  else {
    rowid = existing;
    s.forgetTokens.run(rowid);
    s.updateRow.run(indexed.source, indexed.recordId, indexed.patientId, machineRead, rowid);
  }
  s.insertTokens.run(rowid, indexTokens(indexed.text));
}

/** Drops a document's text from the index (its tokens go with the row, by trigger). */
export function removeText(tx: ProjectionTx, docId: string): void {
  statements(tx).deleteRow.run(docId);
}

/**
 * A type's own projector plus the full-text index of its text: the store runs one projector per
 * type, so the index joins the existing one rather than standing beside it.
 */
export function withTextIndex<Doc extends { readonly _id: string }>(projector: Projector<Doc>, textOf: (doc: Doc) => IndexedText): Projector<Doc> {
  return {
    ...projector,
    tables: [...projector.tables, recordText],
    project(tx, doc, context) {
      projector.project(tx, doc, context);
      projectText(tx, doc._id, textOf(doc), context);
    },
    remove(tx, id) {
      projector.remove(tx, id);
      removeText(tx, id);
    },
  };
}
