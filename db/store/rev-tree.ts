import { collectConflicts, collectLeaves, merge, traverseRevTree, winningRev } from 'pouchdb-merge';
import type { RevTree, RevTreeNode, RevTreeNodeOpts, RevTreePath } from 'pouchdb-merge';
import type { RevisionHistory } from './types';

/**
 * Small helpers over PouchDB's rev tree. The algorithms that decide anything (merging a path in,
 * stemming, picking the winner, listing conflicts) are pouchdb-merge's own, so the winner is the
 * one PouchDB and CouchDB pick: a non-deleted leaf over a deleted one, then the longest path, then
 * the highest revision id.
 */

export type { RevTree, RevTreeNode, RevTreePath };

/** CouchDB's default `_revs_limit`: the tree keeps this many revisions per branch (bodies stay). */
export const REV_LIMIT = 1000;

const REV_PATTERN = /^([1-9][0-9]*)-([0-9A-Za-z]+)$/;

export function parseRev(rev: unknown): { pos: number; hash: string } | null {
  if (typeof rev !== 'string') return null;
  const match = REV_PATTERN.exec(rev);
  if (!match) return null;
  return { pos: Number(match[1]), hash: match[2] };
}

function leafOpts(deleted: boolean): RevTreeNodeOpts {
  return deleted ? { status: 'available', deleted: true } : { status: 'available' };
}

/** The tree of a document whose first revision is `pos-hash`. */
export function singleRevisionTree(pos: number, hash: string, deleted: boolean): RevTree {
  return [{ pos, ids: [hash, leafOpts(deleted), []] }];
}

/** A local edit: the path from the parent leaf to the new revision. */
export function childPath(parentPos: number, parentHash: string, hash: string, deleted: boolean): RevTreePath {
  return { pos: parentPos, ids: [parentHash, { status: 'available' }, [[hash, leafOpts(deleted), []]]] };
}

/**
 * A replicated revision with its ancestry (`_revisions`, newest first) as a single-branch path.
 * Ancestors are marked missing: we only hold bodies we were sent.
 */
export function historyPath(history: RevisionHistory, deleted: boolean): RevTreePath {
  const { ids } = history;
  let node: RevTreeNode = [ids[0], leafOpts(deleted), []];
  for (let i = 1; i < ids.length; i++) node = [ids[i], { status: 'missing' }, [node]];
  return { pos: history.start - ids.length + 1, ids: node };
}

export function mergePath(tree: RevTree, path: RevTreePath): { tree: RevTree; conflicts: string | false } {
  const merged = merge(tree, path, REV_LIMIT);
  return { tree: merged.tree, conflicts: merged.conflicts };
}

export function winnerOf(tree: RevTree): string {
  return winningRev({ rev_tree: tree });
}

export function conflictsOf(tree: RevTree): string[] {
  return collectConflicts({ rev_tree: tree });
}

/** All leaves, deleted ones included, the winner first (CouchDB's `style=all_docs`). */
export function leavesWinnerFirst(tree: RevTree): string[] {
  const winner = winnerOf(tree);
  const leaves = [winner];
  for (const leaf of collectLeaves(tree)) if (leaf.rev !== winner) leaves.push(leaf.rev);
  return leaves;
}

export function isLeaf(tree: RevTree, rev: string): boolean {
  return collectLeaves(tree).some((leaf) => leaf.rev === rev);
}

/** The node for `pos-hash`, or null; callers may update its opts in place. */
export function findNode(tree: RevTree, pos: number, hash: string): RevTreeNode | null {
  for (const path of tree) {
    const stack: Array<[RevTreeNode, number]> = [[path.ids, path.pos]];
    let entry: [RevTreeNode, number] | undefined;
    while ((entry = stack.pop())) {
      const [node, nodePos] = entry;
      if (nodePos === pos && node[0] === hash) return node;
      if (nodePos < pos) for (const child of node[2]) stack.push([child, nodePos + 1]);
    }
  }
  return null;
}

interface Ancestry {
  readonly hash: string;
  readonly parent: Ancestry | undefined;
}

/**
 * `_revisions` for `rev`: its id and its ancestors' ids as far as the tree reaches, newest first.
 * A revision stemmed out of the tree (its body is kept) gets a history of itself alone.
 */
export function historyOf(tree: RevTree, rev: string): RevisionHistory {
  const parsed = parseRev(rev);
  if (!parsed) throw new TypeError(`not a revision id: ${rev}`);
  let found: Ancestry | undefined;
  traverseRevTree<Ancestry>(tree, (_isLeaf, pos, hash, ctx) => {
    const here: Ancestry = { hash, parent: ctx };
    if (!found && pos === parsed.pos && hash === parsed.hash) found = here;
    return here;
  });
  if (!found) return { start: parsed.pos, ids: [parsed.hash] };
  const ids: string[] = [];
  for (let node: Ancestry | undefined = found; node; node = node.parent) ids.push(node.hash);
  return { start: parsed.pos, ids };
}

/** Whether the tree holds `rev` with its body ('available'), without it ('missing'), or not at all. */
export function revisionStatus(tree: RevTree, rev: string): 'available' | 'missing' | 'absent' {
  const parsed = parseRev(rev);
  if (!parsed) return 'absent';
  const node = findNode(tree, parsed.pos, parsed.hash);
  if (!node) return 'absent';
  return node[1].status === 'missing' ? 'missing' : 'available';
}

/** Leaf revision ids, deepest first (pouchdb-merge's order). */
export function collectLeavesOf(tree: RevTree): string[] {
  return collectLeaves(tree).map((leaf) => leaf.rev);
}
