/**
 * Types for the parts of `pouchdb-merge` (CommonJS, untyped) the store uses. The data shapes are
 * PouchDB's rev tree: a list of paths, each a root position and a nested node
 * `[hash, opts, children]`.
 */
declare module 'pouchdb-merge' {
  export interface RevTreeNodeOpts {
    status?: 'available' | 'missing';
    deleted?: boolean;
  }
  export type RevTreeNode = [hash: string, opts: RevTreeNodeOpts, children: RevTreeNode[]];
  export interface RevTreePath {
    pos: number;
    ids: RevTreeNode;
  }
  export type RevTree = RevTreePath[];
  export interface RevTreeMetadata {
    rev_tree: RevTree;
  }

  export function merge(
    tree: RevTree,
    path: RevTreePath,
    depth: number,
  ): { tree: RevTree; stemmedRevs: string[]; conflicts: 'new_leaf' | 'new_branch' | 'internal_node' | false };
  export function winningRev(metadata: RevTreeMetadata): string;
  export function collectLeaves(tree: RevTree): Array<{ rev: string; opts: RevTreeNodeOpts }>;
  export function collectConflicts(metadata: RevTreeMetadata): string[];
  export function isDeleted(metadata: RevTreeMetadata, rev?: string): boolean | undefined;
  export function rootToLeaf(tree: RevTree): Array<{ pos: number; ids: Array<{ id: string; opts: RevTreeNodeOpts }> }>;
  export function revExists(tree: RevTree, rev: string): boolean;
  /** The leaf PouchDB answers for `rev` with `latest: true`; throws when no path holds `rev`. */
  export function latest(rev: string, metadata: RevTreeMetadata & { id?: string }): string;
  export function traverseRevTree<C>(
    tree: RevTree,
    callback: (isLeaf: boolean, pos: number, hash: string, ctx: C | undefined, opts: RevTreeNodeOpts) => C | void,
  ): void;
}
