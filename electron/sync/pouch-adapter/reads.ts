/**
 * Reads for the clinic-sqlite adapter: a document, or some of its leaves (`open_revs`), in the
 * shapes PouchDB returns them. https://docs.couchdb.org/en/stable/api/document/common.html
 */
import { latest } from 'pouchdb-merge';
import type { DocumentStoreApi, GetOptions, StoredDocument } from '../../../db/store/types';
import { toPouchAttachments } from './attachments';
import { deletedDoc, missingDoc, PouchStyleError } from './pouch-errors';
import { revTreeFromLeaves } from './rev-tree';

const REV = /^\d+-[0-9a-zA-Z]+$/;

export interface PouchGetOptions {
  rev?: string;
  revs?: boolean;
  revs_info?: boolean;
  conflicts?: boolean;
  attachments?: boolean;
  binary?: boolean;
  open_revs?: 'all' | ReadonlyArray<string>;
  latest?: boolean;
}

/** How the database was opened: PouchDB's `revs_limit` bounds the history it reports. */
export interface ReadSettings {
  readonly revsLimit?: number;
}

export type OpenRevResult = { ok: StoredDocument } | { missing: string };

type MutableDoc = { -readonly [K in keyof StoredDocument]: StoredDocument[K] };

export function localId(id: string): boolean {
  return id.startsWith('_local/');
}

/**
 * With `latest`, a requested revision that is not a leaf (whether or not its body is still kept)
 * is answered with the leaf that descends from it, picked as PouchDB's adapters pick it
 * (pouchdb-merge's `latest`), so an edit made between `_revs_diff` and `_bulk_get` goes out in
 * the same run. https://docs.couchdb.org/en/stable/api/document/common.html#get--db-docid
 * The leaves are read once, with their history; a requested leaf is answered from that read.
 */
function readLatest(
  store: DocumentStoreApi,
  id: string,
  revs: ReadonlyArray<string>,
  options: GetOptions,
): Array<{ ok: StoredDocument } | { missing: string }> {
  const leaves = new Map<string, StoredDocument>();
  for (const r of store.getOpenRevs(id, 'all', { ...options, revs: true })) if ('ok' in r) leaves.set(r.ok._rev, r.ok);
  let tree: ReturnType<typeof revTreeFromLeaves> | undefined;
  const target = (rev: string): string => {
    if (leaves.has(rev)) return rev;
    tree ??= revTreeFromLeaves([...leaves.values()]);
    try {
      return latest(rev, { rev_tree: tree, id });
    } catch {
      return rev; // on no path we know of: answered as stored, or as missing
    }
  };
  return revs.map((rev) => {
    const leaf = leaves.get(target(rev));
    return leaf ? { ok: leaf } : (store.getOpenRevs(id, [rev], options)[0] ?? { missing: rev });
  });
}

/** `_revisions` cut to `revs_limit`, and `_revs_info` (PouchDB's statuses) when asked. */
function withHistory(store: DocumentStoreApi, doc: StoredDocument, opts: PouchGetOptions, settings: ReadSettings): StoredDocument {
  if (!doc._revisions) return doc;
  const out: MutableDoc = { ...doc };
  if (!opts.revs && !opts.revs_info) {
    delete out._revisions;
    return out;
  }
  const { start, ids } = doc._revisions;
  const kept = settings.revsLimit === undefined ? ids : ids.slice(0, Math.max(1, settings.revsLimit));
  if (opts.revs_info) {
    const stored = new Set(store.listRevisions(doc._id).map((r) => r.rev));
    out._revs_info = kept.map((hash, i) => {
      const rev = `${start - i}-${hash}`;
      return { rev, status: stored.has(rev) ? 'available' : 'missing' };
    });
  }
  if (opts.revs) out._revisions = { start, ids: [...kept] };
  else delete out._revisions;
  return out;
}

function conflictsOf(store: DocumentStoreApi, id: string): { _conflicts?: ReadonlyArray<string> } {
  const conflicts = store.get(id, { conflicts: true })?._conflicts;
  return conflicts ? { _conflicts: conflicts } : {};
}

function readOptions(opts: PouchGetOptions): GetOptions {
  return { revs: Boolean(opts.revs || opts.revs_info), attachments: Boolean(opts.attachments) };
}

export function openRevs(store: DocumentStoreApi, id: string, opts: PouchGetOptions, settings: ReadSettings = {}): OpenRevResult[] {
  // CouchDB's answer to open_revs that is neither "all" nor a list (PouchDB's core says the same).
  if (opts.open_revs !== 'all' && !Array.isArray(opts.open_revs))
    throw Object.assign(new PouchStyleError(500, 'unknown_error', 'Database encountered an unknown error'), { reason: 'function_clause' });
  const wanted = opts.open_revs === 'all' ? 'all' : [...opts.open_revs];
  if (wanted !== 'all') for (const rev of wanted) if (!REV.test(rev)) throw new PouchStyleError(400, 'bad_request', 'Invalid rev format');
  const read = wanted !== 'all' && opts.latest ? readLatest(store, id, wanted, readOptions(opts)) : store.getOpenRevs(id, wanted, readOptions(opts));
  const results = read.map((r, i): OpenRevResult => {
    // A revision not found is reported under the name it was asked by.
    if ('missing' in r) return wanted === 'all' ? r : { missing: wanted[i] };
    return r;
  });
  // With `latest`, two requested revisions may lead to the same leaf: PouchDB answers it once.
  const seen = new Set<string>();
  return results
    .filter((r) => !('ok' in r) || (!seen.has(r.ok._rev) && seen.add(r.ok._rev) !== undefined))
    .map((r) => ('ok' in r ? { ok: toPouchAttachments(withHistory(store, r.ok, opts, settings), Boolean(opts.binary)) } : r));
}

export function getDocument(store: DocumentStoreApi, id: string, opts: PouchGetOptions, settings: ReadSettings = {}): StoredDocument | OpenRevResult[] {
  if (localId(id)) {
    const doc = store.getLocal(id);
    if (!doc) throw missingDoc();
    return doc;
  }
  if (opts.open_revs) return openRevs(store, id, opts, settings);
  let doc: StoredDocument | null;
  if (opts.rev !== undefined && opts.latest) {
    const [found] = readLatest(store, id, [opts.rev], readOptions(opts));
    doc = found && 'ok' in found ? found.ok : null;
    if (doc && opts.conflicts) doc = { ...doc, ...conflictsOf(store, id) };
  } else {
    doc = store.get(id, { ...readOptions(opts), rev: opts.rev, conflicts: Boolean(opts.conflicts) });
  }
  if (doc) return toPouchAttachments(withHistory(store, doc, opts, settings), Boolean(opts.binary));
  if (opts.rev === undefined && store.getOpenRevs(id, 'all').length > 0) throw deletedDoc();
  throw missingDoc();
}
