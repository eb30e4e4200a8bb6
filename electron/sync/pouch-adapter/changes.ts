/**
 * PouchDB's `_changes` over the store's changes feed, page by page.
 * https://docs.couchdb.org/en/stable/api/database/changes.html
 *
 * Documents the view hides (reference data when pushing to the clinic's own database) are
 * skipped, but the feed still moves past them: we keep reading pages until `limit` visible rows
 * are found, because the replicator takes an empty page to mean "done".
 *
 * Live (continuous) feeds are not offered: sync runs are one-shot, and local edits do not need a
 * push within seconds. Paging yields to the event loop so a long feed can be cancelled.
 */
import type { ChangeRow, DocumentStoreApi, StoredDocument } from '../../../db/store/types';
import { toPouchAttachments } from './attachments';
import { fromStoreException, notSupported } from './pouch-errors';

export interface PouchChange {
  id: string;
  seq: number;
  changes: Array<{ rev: string }>;
  deleted?: boolean;
  doc?: StoredDocument;
}

/** The options PouchDB's core passes down to an adapter's `_changes`. */
export interface AdapterChangesOptions {
  since?: number | string;
  limit?: number;
  descending?: boolean;
  style?: 'all_docs' | 'main_only';
  include_docs?: boolean;
  conflicts?: boolean;
  attachments?: boolean;
  binary?: boolean;
  return_docs?: boolean;
  continuous?: boolean;
  doc_ids?: ReadonlyArray<string>;
  filter?: unknown;
  query_params?: unknown;
  onChange(change: PouchChange): void;
  complete(error: unknown, result?: { results: PouchChange[]; last_seq: number; status?: string }): void;
}

const PAGE = 500;

export function storeChanges(store: DocumentStoreApi, hideId: (id: string) => boolean, opts: AdapterChangesOptions): { cancel(): void } {
  let cancelled = false;
  if (opts.continuous) {
    queueMicrotask(() => opts.complete(notSupported('live changes feeds')));
    return { cancel: () => undefined };
  }
  if (opts.descending) {
    queueMicrotask(() => opts.complete(notSupported('descending changes feeds')));
    return { cancel: () => undefined };
  }
  const limit = typeof opts.limit === 'number' && opts.limit > 0 ? opts.limit : Infinity;
  const docIds = opts.doc_ids ? new Set(opts.doc_ids) : null;
  const filterFn = typeof opts.filter === 'function' ? (opts.filter as (doc: unknown, req: unknown) => unknown) : null;
  const needDocs = Boolean(opts.include_docs) || filterFn !== null;
  const results: PouchChange[] = [];
  let since = Number(opts.since ?? 0) || 0;
  let emitted = 0;

  const toChange = (row: ChangeRow): PouchChange | null => {
    if (hideId(row.id) || (docIds && !docIds.has(row.id))) return null;
    const change: PouchChange = { id: row.id, seq: row.seq, changes: row.changes.map((c) => ({ rev: c.rev })) };
    if (row.deleted) change.deleted = true;
    let doc = row.doc;
    if (needDocs && doc && (opts.conflicts || opts.attachments)) {
      doc = store.get(row.id, { rev: doc._rev, conflicts: Boolean(opts.conflicts), attachments: Boolean(opts.attachments) }) ?? doc;
      if (opts.conflicts && !doc._conflicts) {
        // A deleted winner read by rev: ask the winner's conflicts explicitly.
        const conflicts = store.get(row.id, { conflicts: true })?._conflicts;
        if (conflicts) doc = { ...doc, _conflicts: conflicts };
      }
    }
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

  const step = (): void => {
    if (cancelled) return;
    try {
      const want = limit === Infinity ? PAGE : Math.min(PAGE, Math.max(1, limit - emitted));
      const page = store.changes({ since, limit: want, includeDocs: needDocs, allLeaves: opts.style === 'all_docs' });
      for (const row of page.results) {
        since = row.seq;
        const change = toChange(row);
        if (!change) continue;
        emitted += 1;
        opts.onChange(change);
        if (opts.return_docs !== false) results.push(change);
        if (emitted >= limit) break;
      }
      const exhausted = page.results.length < want;
      if (emitted >= limit || exhausted) {
        // A full answer ends at the store's update sequence, like CouchDB's `last_seq`.
        const lastSeq = exhausted && emitted < limit ? Math.max(since, page.lastSeq) : since;
        opts.complete(null, { results, last_seq: lastSeq });
        return;
      }
      setImmediate(step);
    } catch (error) {
      opts.complete(fromStoreException(error));
    }
  };
  setImmediate(step);
  return {
    cancel() {
      // PouchDB's core answers the caller itself on cancel; we only stop reading.
      cancelled = true;
    },
  };
}
