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

export type ChangeListener = (updateSeq: number) => void;

/**
 * Tells listeners (live changes feeds: the LAN replication, `sync()`) that the changes feed moved
 * on. Writers call `written()` inside or right after their transaction; listeners hear once, on a
 * microtask, when that synchronous transaction and any caller's enclosing one have committed (or
 * rolled back: then the sequence has not moved and a reader simply finds nothing new). A burst of
 * writes in one tick is one notification. Nothing is polled: with no listener this costs nothing.
 */
export class ChangeNotifier {
  private readonly listeners = new Set<ChangeListener>();
  private scheduled = false;

  constructor(private readonly readUpdateSeq: () => number) {}

  subscribe(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  written(): void {
    if (this.listeners.size === 0 || this.scheduled) return;
    this.scheduled = true;
    queueMicrotask(() => {
      this.scheduled = false;
      let updateSeq: number;
      try {
        updateSeq = this.readUpdateSeq();
      } catch {
        return; // the database was closed in between: nobody can read anything new
      }
      for (const listener of [...this.listeners]) {
        try {
          listener(updateSeq);
        } catch {
          // One failing listener must not keep the others from hearing of the write.
        }
      }
    });
  }
}
