/**
 * Reads for the clinic-sqlite adapter: a document, or some of its leaves (`open_revs`), in the
 * shapes PouchDB returns them. https://docs.couchdb.org/en/stable/api/document/common.html
 */
import type { DocumentStoreApi, GetOptions, StoredDocument } from '../../../db/store/types';
import { toPouchAttachments } from './attachments';
import { deletedDoc, missingDoc, PouchStyleError } from './pouch-errors';

const REV = /^\d+-[0-9a-zA-Z]+$/;

export interface PouchGetOptions {
  rev?: string;
  revs?: boolean;
  conflicts?: boolean;
  attachments?: boolean;
  binary?: boolean;
  open_revs?: 'all' | ReadonlyArray<string>;
  latest?: boolean;
}

export type OpenRevResult = { ok: StoredDocument } | { missing: string };

function storeGetOptions(opts: PouchGetOptions): GetOptions {
  return { rev: opts.rev, revs: Boolean(opts.revs), conflicts: Boolean(opts.conflicts), attachments: Boolean(opts.attachments) };
}

export function localId(id: string): boolean {
  return id.startsWith('_local/');
}

/**
 * With `latest`, a requested revision that is not a leaf any more is answered with the leaf that
 * descends from it (https://docs.couchdb.org/en/stable/api/document/common.html#get--db-docid,
 * `latest`). The store answers only what it holds, so we look that up only for misses.
 */
export function openRevs(store: DocumentStoreApi, id: string, opts: PouchGetOptions): OpenRevResult[] {
  const wanted = opts.open_revs === 'all' ? 'all' : [...(opts.open_revs ?? [])];
  if (wanted !== 'all') for (const rev of wanted) if (!REV.test(rev)) throw new PouchStyleError(400, 'bad_request', 'Invalid rev format');
  const readOpts = { revs: Boolean(opts.revs), attachments: Boolean(opts.attachments) };
  let results: OpenRevResult[] = store.getOpenRevs(id, wanted, readOpts);
  if (opts.latest && results.some((r) => 'missing' in r)) {
    const leaves = store.getOpenRevs(id, 'all', { revs: true });
    results = results.map((r) => {
      if (!('missing' in r)) return r;
      const [pos, hash] = r.missing.split('-');
      const leaf = leaves.find((l): l is { ok: StoredDocument } => {
        if (!('ok' in l) || !l.ok._revisions) return false;
        const h = l.ok._revisions;
        const index = h.start - Number(pos);
        return index >= 0 && h.ids[index] === hash;
      });
      if (!leaf) return r;
      return store.getOpenRevs(id, [leaf.ok._rev], readOpts)[0] ?? r;
    });
  }
  const seen = new Set<string>();
  return results
    .filter((r) => !('ok' in r) || (!seen.has(r.ok._rev) && seen.add(r.ok._rev) !== undefined))
    .map((r) => ('ok' in r ? { ok: toPouchAttachments(r.ok, Boolean(opts.binary)) } : r));
}

export function getDocument(store: DocumentStoreApi, id: string, opts: PouchGetOptions): StoredDocument | OpenRevResult[] {
  if (localId(id)) {
    const doc = store.getLocal(id);
    if (!doc) throw missingDoc();
    return doc;
  }
  if (opts.open_revs) return openRevs(store, id, opts);
  const doc = store.get(id, storeGetOptions(opts));
  if (doc) return toPouchAttachments(doc, Boolean(opts.binary));
  if (opts.rev === undefined && store.getOpenRevs(id, 'all').length > 0) throw deletedDoc();
  throw missingDoc();
}
