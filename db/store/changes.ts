import { leavesWinnerFirst, type RevTree } from './rev-tree';
import { toStoredDocument } from './revisions';
import type { StoreStatements } from './statements';
import type { ChangeRow, ChangesOptions, ChangesPage } from './types';

/**
 * The changes feed (https://docs.couchdb.org/en/stable/api/database/changes.html): each document
 * once, at the sequence number of its latest update, in sequence order.
 */
export function readChanges(statements: StoreStatements, options: ChangesOptions = {}): ChangesPage {
  const since = options.since ?? 0;
  const limit = options.limit === undefined || options.limit <= 0 ? -1 : Math.floor(options.limit);
  const rows = (options.includeDocs ? statements.changesSinceWithDocs : statements.changesSince).all(since, limit);
  const results: ChangeRow[] = rows.map((row) => {
    const deleted = row.deleted === 1;
    const leaves = options.allLeaves ? leavesWinnerFirst(JSON.parse(row.rev_tree) as RevTree) : [row.winning_rev];
    const change: { -readonly [K in keyof ChangeRow]: ChangeRow[K] } = { seq: row.seq, id: row.doc_id, changes: leaves.map((rev) => ({ rev })) };
    if (deleted) change.deleted = true;
    if (options.includeDocs && row.body !== null) change.doc = toStoredDocument(row.doc_id, row.winning_rev, deleted, row.body);
    return change;
  });
  // Like CouchDB: a page cut short by the limit ends at its last row, a complete answer at the
  // database's update sequence (which may be past the last row shown).
  const lastSeq = limit > 0 && results.length === limit ? results[results.length - 1].seq : Math.max(since, statements.updateSeq.get() ?? 0);
  return { results, lastSeq };
}
