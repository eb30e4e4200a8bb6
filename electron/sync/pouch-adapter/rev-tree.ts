/**
 * PouchDB's revision tree for one document, rebuilt from the store's leaves and their
 * `_revisions` (every revision lies on some leaf's path). The store does not expose its tree, and
 * PouchDB's core needs one only for rare calls (`compactDocument`, `purge`, the generic revsDiff
 * we replace), so this is cheap enough. Ancestor bodies may be absent after replication; the
 * store does not say which, so every node is reported `available`.
 */
import { merge, type RevTree, type RevTreeNode, type RevTreePath } from 'pouchdb-merge';
import type { StoredDocument } from '../../../db/store/types';

export function revTreeFromLeaves(leaves: ReadonlyArray<StoredDocument>): RevTree {
  let tree: RevTree = [];
  for (const leaf of leaves) {
    const history = leaf._revisions;
    if (!history) throw new Error(`leaf ${leaf._id} ${leaf._rev} read without _revisions`);
    const ids = history.ids;
    let node: RevTreeNode = [ids[0], leaf._deleted ? { status: 'available', deleted: true } : { status: 'available' }, []];
    for (let i = 1; i < ids.length; i++) node = [ids[i], { status: 'available' }, [node]];
    const path: RevTreePath = { pos: history.start - ids.length + 1, ids: node };
    tree = tree.length === 0 ? [path] : merge(tree, path, Number.MAX_SAFE_INTEGER).tree;
  }
  return tree;
}
