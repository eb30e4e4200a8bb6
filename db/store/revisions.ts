import { inlineAttachments } from './attachments';
import { collectLeavesOf, conflictsOf, historyOf, type RevTree } from './rev-tree';
import type { DocumentRow, StoreStatements } from './statements';
import type { AttachmentStub, GetOptions, StoredDocument } from './types';

/** Reading revisions back: one revision, a document's leaves, or its whole kept history. */

type MutableDocument = { -readonly [K in keyof StoredDocument]: StoredDocument[K] };

/** A stored body as a document: `_id`, `_rev`, `_deleted` first, then the body's own fields. */
export function toStoredDocument(id: string, rev: string, deleted: boolean, body: string): MutableDocument {
  const doc: MutableDocument = deleted ? { _id: id, _rev: rev, _deleted: true } : { _id: id, _rev: rev };
  return Object.assign(doc, JSON.parse(body) as Record<string, unknown>);
}

function decorate(statements: StoreStatements, doc: MutableDocument, tree: () => RevTree, options: GetOptions | undefined): StoredDocument {
  if (!options) return doc;
  if (options.revs) doc._revisions = historyOf(tree(), doc._rev);
  if (options.conflicts) {
    const conflicts = conflictsOf(tree());
    if (conflicts.length > 0) doc._conflicts = conflicts;
  }
  if (options.attachments && doc._attachments) {
    // With bytes inline the entries are not stubs any more: `data` replaces `stub`, as CouchDB does.
    doc._attachments = inlineAttachments(statements, doc._attachments) as unknown as Record<string, AttachmentStub>;
  }
  return doc;
}

function lazyTree(row: DocumentRow): () => RevTree {
  let tree: RevTree | undefined;
  return () => (tree ??= JSON.parse(row.rev_tree) as RevTree);
}

export function readDocument(statements: StoreStatements, id: string, options?: GetOptions): StoredDocument | null {
  const row = statements.selectDocument.get(id);
  if (!row) return null;
  if (options?.rev === undefined && row.deleted) return null;
  const rev = options?.rev ?? row.winning_rev;
  const stored = statements.selectRevision.get(row.doc_key, rev);
  if (!stored) return null;
  return decorate(statements, toStoredDocument(id, rev, stored.deleted === 1, stored.body), lazyTree(row), options);
}

export function readOpenRevs(
  statements: StoreStatements,
  id: string,
  revs: ReadonlyArray<string> | 'all',
  options?: GetOptions,
): Array<{ ok: StoredDocument } | { missing: string }> {
  const row = statements.selectDocument.get(id);
  if (!row) return revs === 'all' ? [] : revs.map((rev) => ({ missing: rev }));
  const tree = lazyTree(row);
  const wanted = revs === 'all' ? collectLeavesOf(tree()) : revs;
  const decorateOptions = options ? { ...options, conflicts: false } : undefined;
  return wanted.map((rev) => {
    const stored = statements.selectRevision.get(row.doc_key, rev);
    if (!stored) return { missing: rev };
    return { ok: decorate(statements, toStoredDocument(id, rev, stored.deleted === 1, stored.body), tree, decorateOptions) };
  });
}

export function readAllRevisions(statements: StoreStatements, id: string): Array<{ rev: string; deleted: boolean; body: StoredDocument }> {
  const document = statements.selectDocument.get(id);
  if (!document) return [];
  return statements.listRevisions.all(document.doc_key).map((row) => ({
    rev: row.rev,
    deleted: row.deleted === 1,
    body: toStoredDocument(id, row.rev, row.deleted === 1, row.body),
  }));
}
