/**
 * `_all_docs` (https://docs.couchdb.org/en/stable/api/database/bulk-api.html#db-all-docs) for
 * tools and tests. The store has no id index to walk, so this reads the whole changes feed: fine
 * for diagnostics and recovery checks, not for screens (they use the projections).
 */
import type { DocumentStoreApi, StoredDocument } from '../../../db/store/types';
import { toPouchAttachments } from './attachments';

export interface AllDocsOptions {
  include_docs?: boolean;
  conflicts?: boolean;
  attachments?: boolean;
  binary?: boolean;
  startkey?: string;
  endkey?: string;
  key?: string;
  keys?: ReadonlyArray<string>;
  descending?: boolean;
  inclusive_end?: boolean;
  limit?: number;
  skip?: number;
  update_seq?: boolean;
}

export interface AllDocsRow {
  id?: string;
  key: string;
  value?: { rev: string; deleted?: true };
  doc?: StoredDocument | null;
  error?: string;
}

export function allDocs(
  store: DocumentStoreApi,
  hideId: (id: string) => boolean,
  opts: AllDocsOptions,
): { total_rows: number; offset: number; rows: AllDocsRow[] } {
  const latest = new Map<string, { rev: string; deleted: boolean }>();
  let since = 0;
  for (;;) {
    const page = store.changes({ since, limit: 2000 });
    for (const row of page.results) {
      if (!hideId(row.id)) latest.set(row.id, { rev: row.changes[0].rev, deleted: row.deleted === true });
      since = row.seq;
    }
    if (page.results.length < 2000) break;
  }
  const live = [...latest.entries()].filter(([, v]) => !v.deleted);
  const docOf = (id: string): StoredDocument | null => {
    const doc = store.get(id, { conflicts: Boolean(opts.conflicts), attachments: Boolean(opts.attachments) });
    return doc ? toPouchAttachments(doc, Boolean(opts.binary)) : null;
  };

  if (opts.keys) {
    const rows = opts.keys.map((key): AllDocsRow => {
      const entry = latest.get(key);
      if (!entry) return { key, error: 'not_found' };
      if (entry.deleted) return { id: key, key, value: { rev: entry.rev, deleted: true }, ...(opts.include_docs ? { doc: null } : {}) };
      return { id: key, key, value: { rev: entry.rev }, ...(opts.include_docs ? { doc: docOf(key) } : {}) };
    });
    return { total_rows: live.length, offset: 0, rows };
  }

  let ids = live.map(([id]) => id).sort();
  if (opts.descending) ids.reverse();
  const before = (a: string, b: string): boolean => (opts.descending ? a > b : a < b);
  if (opts.key !== undefined) ids = ids.filter((id) => id === opts.key);
  if (opts.startkey !== undefined) ids = ids.filter((id) => !before(id, opts.startkey as string));
  if (opts.endkey !== undefined) {
    const end = opts.endkey;
    ids = ids.filter((id) => (opts.inclusive_end === false ? before(id, end) : !before(end, id)));
  }
  const skip = opts.skip ?? 0;
  const page = ids.slice(skip, opts.limit === undefined ? undefined : skip + opts.limit);
  const rows = page.map((id): AllDocsRow => {
    const entry = latest.get(id);
    return { id, key: id, value: { rev: entry?.rev ?? '' }, ...(opts.include_docs ? { doc: docOf(id) } : {}) };
  });
  return { total_rows: live.length, offset: skip, rows };
}
