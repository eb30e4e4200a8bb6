/**
 * One row of the store's changes feed as PouchDB's `_changes` reports it: hidden and filtered
 * documents dropped, the document itself (with conflicts and attachments when asked) added.
 * https://docs.couchdb.org/en/stable/api/database/changes.html
 */
import type { ChangeRow, DocumentStoreApi, StoredDocument } from '../../../db/store/types';
import { toPouchAttachments } from './attachments';

export interface PouchChange {
  id: string;
  seq: number;
  changes: Array<{ rev: string }>;
  deleted?: boolean;
  doc?: StoredDocument;
}

export interface ChangeRowOptions {
  include_docs?: boolean;
  conflicts?: boolean;
  attachments?: boolean;
  binary?: boolean;
  doc_ids?: ReadonlyArray<string>;
  filter?: unknown;
  query_params?: unknown;
}

export interface ChangeRowReader {
  /** Whether the store must read bodies with the rows (documents asked for, or a filter function). */
  readonly needDocs: boolean;
  toChange(row: ChangeRow): PouchChange | null;
}

export function changeRowReader(store: DocumentStoreApi, hideId: (id: string) => boolean, opts: ChangeRowOptions): ChangeRowReader {
  const docIds = opts.doc_ids ? new Set(opts.doc_ids) : null;
  const filterFn = typeof opts.filter === 'function' ? (opts.filter as (doc: unknown, req: unknown) => unknown) : null;
  const needDocs = Boolean(opts.include_docs) || filterFn !== null;

  const withExtras = (row: ChangeRow, doc: StoredDocument): StoredDocument => {
    let full = store.get(row.id, { rev: doc._rev, conflicts: Boolean(opts.conflicts), attachments: Boolean(opts.attachments) }) ?? doc;
    if (opts.conflicts && !full._conflicts) {
      // A deleted winner read by rev: ask the winner's conflicts explicitly.
      const conflicts = store.get(row.id, { conflicts: true })?._conflicts;
      if (conflicts) full = { ...full, _conflicts: conflicts };
    }
    return full;
  };

  const toChange = (row: ChangeRow): PouchChange | null => {
    if (hideId(row.id) || (docIds && !docIds.has(row.id))) return null;
    const change: PouchChange = { id: row.id, seq: row.seq, changes: row.changes.map((c) => ({ rev: c.rev })) };
    if (row.deleted) change.deleted = true;
    let doc = row.doc;
    if (needDocs && doc && (opts.conflicts || opts.attachments)) doc = withExtras(row, doc);
    if (filterFn) {
      let keep: unknown;
      try {
        keep = filterFn(doc ?? {}, { query: opts.query_params ?? {} });
      } catch {
        keep = false;
      }
      if (!keep) return null;
    }
    if (opts.include_docs && doc) change.doc = toPouchAttachments(doc, Boolean(opts.binary));
    return change;
  };
  return { needDocs, toChange };
}
