import { isImmutableState } from '../../shared/docs';
import type { ProjectionRunner } from '../projections/runner';
import type { ValidationResult } from '../projections/validation';
import { prepareAttachments, saveAttachmentBytes, type PreparedAttachments } from './attachments';
import { DocumentRefused, ImmutableDocumentError } from './errors';
import type { ParsedInput } from './input';
import { canonicalJson, newRevisionId } from './rev-hash';
import {
  childPath,
  conflictsOf,
  findNode,
  historyPath,
  isLeaf,
  mergePath,
  parseRev,
  revisionStatus,
  singleRevisionTree,
  winnerOf,
  type RevTree,
} from './rev-tree';
import type { DocumentRow, StoreStatements } from './statements';
import type { RevisionHistory } from './types';

/**
 * The one write path, for local edits and replicated revisions alike: place the revision in the
 * document's tree, keep its body, move the document in the changes feed and, when the winner
 * changed, update the projections. Runs inside the caller's transaction; a refusal
 * (`DocumentRefused`) is thrown before anything is written for that document.
 */

export interface WriteContext {
  readonly statements: StoreStatements;
  readonly projections: ProjectionRunner;
  /** Wall-clock time of the batch, recorded on each revision stored. */
  readonly storedAt: number;
}

export interface Written {
  readonly id: string;
  readonly rev: string;
}

/** A local edit (`new_edits: true`): a new revision on top of the winning leaf (or another leaf). */
export function writeLocalEdit(ctx: WriteContext, input: ParsedInput): Written {
  const { statements, projections } = ctx;
  const row = statements.selectDocument.get(input.id);
  let tree: RevTree | null = null;
  let parentRev: string | null = null;
  if (!row) {
    if (input.rev !== undefined) throw new DocumentRefused('conflict', `文档 ${input.id} 不存在，无法按修订号更新`);
    if (input.deleted) throw new DocumentRefused('not_found', `文档 ${input.id} 不存在`);
  } else {
    tree = JSON.parse(row.rev_tree) as RevTree;
    if (input.rev === undefined) {
      // Only a deleted document may be written again without naming the revision it replaces.
      if (!row.deleted) throw new DocumentRefused('conflict', `文档 ${input.id} 已存在，修改时需要给出当前修订号`);
      if (input.deleted) throw new DocumentRefused('not_found', `文档 ${input.id} 已删除`);
      parentRev = row.winning_rev;
    } else {
      // CouchDB lets an edit extend any leaf, not only the winner: that is how a losing branch of a
      // conflict gets deleted when a person resolves it. A non-leaf revision is stale: conflict.
      if (input.rev !== row.winning_rev && !isLeaf(tree, input.rev)) {
        throw new DocumentRefused('conflict', `文档 ${input.id} 已被修改，当前修订号不是 ${input.rev}`);
      }
      parentRev = input.rev;
    }
    if (row.deleted === 0) refuseEditOfImmutable(ctx, row, input);
  }

  let checked: ValidationResult<unknown> | undefined;
  if (!input.deleted) {
    const result = projections.validate(input.type, { _id: input.id, ...input.body });
    if (result) {
      if (!result.ok) throw new DocumentRefused('bad_request', result.reason);
      checked = result;
    }
  }

  const parent = parentRev === null ? null : parseRev(parentRev)!;
  const pos = (parent?.pos ?? 0) + 1;
  const attachments = input.attachments ? prepareAttachments(statements, input.attachments, pos, false) : undefined;
  const body = attachments ? { ...input.body, _attachments: attachments.stubs } : input.body;
  const canonical = canonicalJson(body);
  const rev = newRevisionId(pos, parentRev, input.deleted, canonical);
  const hash = rev.slice(rev.indexOf('-') + 1);

  let newTree: RevTree;
  if (tree && parent) {
    const merged = mergePath(tree, childPath(parent.pos, parent.hash, hash, input.deleted));
    // Anything but a new leaf means the revision is already there (the same edit of the same parent).
    if (merged.conflicts !== 'new_leaf') throw new DocumentRefused('conflict', `文档 ${input.id} 的这次修改已经保存过`);
    newTree = merged.tree;
  } else {
    newTree = singleRevisionTree(pos, hash, input.deleted);
  }

  commitRevision(ctx, {
    id: input.id,
    row: row ?? null,
    tree: newTree,
    rev,
    pos,
    deleted: input.deleted,
    canonical,
    body,
    type: input.type,
    attachments,
    checked,
  });
  return { id: input.id, rev };
}

/**
 * A document whose winning revision is immutable (its type says so in that state) takes no local
 * edit: not a change, not a deletion, not an edit of a losing branch that could win. Only closing
 * a losing branch (a deletion on a leaf other than the winner) is allowed, which is how the
 * conflict inbox ends a conflict on such a document without touching the winner.
 */
function refuseEditOfImmutable(ctx: WriteContext, row: DocumentRow, input: ParsedInput): void {
  const definition = ctx.projections.registry.get(row.type);
  if (!definition || definition.immutable.kind === 'never') return;
  if (input.deleted && input.rev !== undefined && input.rev !== row.winning_rev) return;
  const stored = ctx.statements.selectRevision.get(row.doc_key, row.winning_rev);
  const winner = stored ? (JSON.parse(stored.body) as Record<string, unknown>) : {};
  if (isImmutableState(definition.immutable, winner)) throw ImmutableDocumentError.refusing(input.id, definition.immutable.says);
}

/**
 * A replicated revision (`new_edits: false`): placed where its `_revisions` history says, as
 * CouchDB does. Never a conflict; a revision already held is a no-op. The body is kept even when it
 * fails its schema (it is then not projected, see ProjectionRunner).
 */
export function writeReplicated(ctx: WriteContext, input: ParsedInput): Written {
  const { statements } = ctx;
  const history = replicatedHistory(input);
  const rev = `${history.start}-${history.ids[0]}`;
  const row = statements.selectDocument.get(input.id);
  const tree = row ? (JSON.parse(row.rev_tree) as RevTree) : null;

  let status: 'available' | 'missing' | 'absent' = 'absent';
  if (tree) {
    status = revisionStatus(tree, rev);
    if (status === 'absent' && statements.hasRevision.get(row!.doc_key, rev)) status = 'available'; // stemmed out, body kept
    if (status === 'available') return { id: input.id, rev };
  }

  const attachments = input.attachments ? prepareAttachments(statements, input.attachments, history.start, true) : undefined;
  const body = attachments ? { ...input.body, _attachments: attachments.stubs } : input.body;
  // No revision id to compute here, so the body is kept as it came (plain JSON, key order as sent).
  const canonical = JSON.stringify(body);

  if (status === 'missing' && tree && row) {
    // The tree knew this revision only as an ancestor; now its body has come. No new leaf, same winner.
    const node = findNode(tree, history.start, history.ids[0])!;
    node[1] = input.deleted ? { status: 'available', deleted: true } : { status: 'available' };
    if (attachments) saveAttachmentBytes(statements, attachments);
    statements.insertRevision.run(row.doc_key, rev, history.start, input.deleted ? 1 : 0, canonical, ctx.storedAt);
    statements.updateRevTree.run(JSON.stringify(tree), row.doc_key);
    return { id: input.id, rev };
  }

  const newTree =
    !tree && history.ids.length === 1
      ? singleRevisionTree(history.start, history.ids[0], input.deleted)
      : mergePath(tree ?? [], historyPath(history, input.deleted)).tree;

  commitRevision(ctx, {
    id: input.id,
    row: row ?? null,
    tree: newTree,
    rev,
    pos: history.start,
    deleted: input.deleted,
    canonical,
    body,
    type: input.type,
    attachments,
    checked: undefined,
  });
  return { id: input.id, rev };
}

function replicatedHistory(input: ParsedInput): RevisionHistory {
  if (input.revisions) {
    const rev = `${input.revisions.start}-${input.revisions.ids[0]}`;
    if (input.rev !== undefined && input.rev !== rev) throw new DocumentRefused('bad_request', `_rev 与 _revisions 不一致：${input.rev}`);
    return input.revisions;
  }
  if (input.rev === undefined) throw new DocumentRefused('bad_request', `复制写入的文档 ${input.id} 缺少 _rev`);
  const parsed = parseRev(input.rev)!;
  return { start: parsed.pos, ids: [parsed.hash] };
}

interface NewRevision {
  readonly id: string;
  readonly row: DocumentRow | null;
  readonly tree: RevTree;
  readonly rev: string;
  readonly pos: number;
  readonly deleted: boolean;
  /** The body as stored: canonical JSON for local edits, plain JSON for replicated revisions. */
  readonly canonical: string;
  readonly body: Readonly<Record<string, unknown>>;
  readonly type: string | null;
  readonly attachments: PreparedAttachments | undefined;
  readonly checked: ValidationResult<unknown> | undefined;
}

function commitRevision(ctx: WriteContext, revision: NewRevision): void {
  const { statements, projections } = ctx;
  const { id, row, tree, rev } = revision;
  const winner = row ? winnerOf(tree) : rev;
  const conflictCount = row ? conflictsOf(tree).length : 0;

  let winnerDeleted: boolean;
  let winnerType: string | null;
  let winnerDoc: Readonly<Record<string, unknown>>;
  let checked: ValidationResult<unknown> | undefined;
  if (winner === rev) {
    winnerDeleted = revision.deleted;
    winnerType = revision.type ?? (revision.deleted ? (row?.type ?? null) : null);
    winnerDoc = { _id: id, ...revision.body };
    checked = revision.checked;
  } else if (row && winner === row.winning_rev) {
    // A losing revision (a replicated conflict, or an edit of a losing leaf): projections stay.
    winnerDeleted = row.deleted === 1;
    winnerType = row.type;
    winnerDoc = {};
  } else {
    // The winner moved to a revision already stored, e.g. the old winner was deleted and a
    // conflicting leaf now wins.
    const stored = row ? statements.selectRevision.get(row.doc_key, winner) : undefined;
    if (!stored) throw new Error(`winning revision ${winner} of ${id} has no body`);
    const body = JSON.parse(stored.body) as Record<string, unknown>;
    winnerDeleted = stored.deleted === 1;
    winnerType = typeof body.type === 'string' ? body.type : winnerDeleted ? (row?.type ?? null) : null;
    winnerDoc = { _id: id, ...body };
  }

  if (revision.attachments) saveAttachmentBytes(statements, revision.attachments);
  const treeJson = JSON.stringify(tree);
  const deletedFlag = winnerDeleted ? 1 : 0;
  if (!row) {
    const docKey = Number(statements.insertDocument.run(id, winnerType, winner, deletedFlag, treeJson, conflictCount).lastInsertRowid);
    statements.insertRevision.run(docKey, rev, revision.pos, revision.deleted ? 1 : 0, revision.canonical, ctx.storedAt);
    const seq = Number(statements.insertChange.run(docKey).lastInsertRowid);
    statements.setDocumentSeq.run(seq, docKey);
  } else {
    statements.insertRevision.run(row.doc_key, rev, revision.pos, revision.deleted ? 1 : 0, revision.canonical, ctx.storedAt);
    // The document moves to the end of the changes feed.
    statements.deleteChange.run(row.seq);
    const seq = Number(statements.insertChange.run(row.doc_key).lastInsertRowid);
    statements.updateDocument.run(winnerType, winner, deletedFlag, treeJson, conflictCount, seq, row.doc_key);
  }

  if (!row || winner !== row.winning_rev) {
    projections.apply(row?.type ?? null, { id, rev: winner, deleted: winnerDeleted, type: winnerType, doc: winnerDoc, checked }, !row);
  }
}
