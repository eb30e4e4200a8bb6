/**
 * The conflict inbox: documents whose type's conflict policy (shared/docs/types.ts) sends them to
 * a person — editable ones (patient demographics, settings, departments, users), merged field by
 * field, and immutable ones, of which only the winning side can be kept — that were changed in
 * two places while offline. Replication keeps every branch and picks
 * the winner CouchDB picks (https://docs.couchdb.org/en/stable/replication/conflicts.html); nobody
 * loses data silently. A person then looks at both sides and resolves:
 *
 *   - the chosen (or merged) body is written as a new revision on the winning branch, and
 *   - every losing leaf gets a deletion revision on top of it,
 *
 * so the resolution is an ordinary edit that replicates to the county and the other workstations,
 * and the losing bodies stay in the revision history (deleted leaves, not purged).
 *
 * Signed clinical documents rarely get here: they are immutable once signed (a correction is a new
 * amendment document, and the store refuses local edits), so only two places signing different
 * versions while apart can conflict; the winner then stands and the other branches are closed.
 */
import type { DocumentQueries } from '../../db/queries';
import type { DocumentStoreApi, StoredDocument } from '../../db/store/types';
import { documentRegistry, type DocumentRegistry } from '../../shared/docs';

/** The types a person resolves conflicts of, as the registry declares them (read at each call). */
export function inboxTypes(registry: DocumentRegistry = documentRegistry): string[] {
  return registry.inboxTypes();
}

const INBOX_ID = '_local/clinic-conflict-inbox';

export interface ConflictSummary {
  readonly id: string;
  readonly type: string;
  readonly winnerRev: string;
  readonly conflictRevs: ReadonlyArray<string>;
}

export interface ConflictSide {
  readonly rev: string;
  readonly body: Readonly<Record<string, unknown>>;
}

export interface ConflictDetail {
  readonly id: string;
  readonly type: string;
  /** The revision every replica currently shows (CouchDB's deterministic winner). */
  readonly winner: ConflictSide;
  readonly others: ReadonlyArray<ConflictSide>;
}

export type ConflictResolution = { readonly kind: 'keep'; readonly rev: string } | { readonly kind: 'merge'; readonly body: Readonly<Record<string, unknown>> };

export interface ResolveConflictInput {
  readonly id: string;
  /** The leaf revisions the person was shown; if they changed meanwhile, nothing is written. */
  readonly seenRevs: ReadonlyArray<string>;
  readonly resolution: ConflictResolution;
  /** Fields to set on the written body (e.g. `updated_at`, `updated_by`). */
  readonly stamp?: Readonly<Record<string, unknown>>;
}

/** What a resolution did, for the audit trail. */
export interface ConflictResolved {
  readonly id: string;
  readonly type: string;
  readonly previousWinner: string;
  readonly chosen: string | 'merged';
  /** The new revision on the winning branch, or null when the winner's body was kept as it was. */
  readonly newRev: string | null;
  /** Losing leaves closed by a deletion revision (their bodies remain in the history). */
  readonly closedRevs: ReadonlyArray<string>;
  readonly deletionRevs: ReadonlyArray<string>;
}

/** A resolution other than keeping the winner, asked for a document whose policy is `immutable`. */
export class ImmutableConflictError extends Error {
  readonly code = 'IMMUTABLE';
  constructor(readonly id: string) {
    super('这条记录已签署或不可修改：只能保留当前版本，其他版本会留在历史中。');
    this.name = 'ImmutableConflictError';
  }
}

export class ConflictChangedError extends Error {
  readonly code = 'CONFLICT';
  constructor(readonly id: string) {
    super('这条记录在您查看之后又有了新的修改，请重新打开冲突记录再处理。');
    this.name = 'ConflictChangedError';
  }
}

function bodyOf(doc: StoredDocument): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(doc)) if (!key.startsWith('_') || key === '_attachments') body[key] = value;
  return body;
}

/**
 * The inbox documents (see `inboxTypes`) that currently have conflicts. With the database's
 * document queries, the indexed `documents.conflict_count` query answers (db/queries/documents.ts);
 * with only the store API, the inbox is kept up to date incrementally: only documents changed since
 * the last scan are looked at (a `_local` document remembers the sequence and the open ids).
 */
export function listConflicts(
  store: DocumentStoreApi,
  types: ReadonlyArray<string> = inboxTypes(),
  index?: Pick<DocumentQueries, 'conflicted'>,
): ConflictSummary[] {
  if (index) {
    return types
      .flatMap((type) => index.conflicted({ type, limit: 10_000 }))
      .flatMap((row): ConflictSummary[] => {
        const doc = store.get(row.id, { conflicts: true });
        return doc?._conflicts?.length ? [{ id: row.id, type: row.type ?? '', winnerRev: doc._rev, conflictRevs: [...doc._conflicts] }] : [];
      })
      .sort((a, b) => (a.id < b.id ? -1 : 1));
  }
  const saved = store.getLocal(INBOX_ID);
  let since = typeof saved?.seq === 'number' ? saved.seq : 0;
  const open = new Set(Array.isArray(saved?.ids) ? (saved.ids as string[]) : []);
  for (;;) {
    const page = store.changes({ since, limit: 2000, allLeaves: true });
    for (const row of page.results) {
      if (row.changes.length > 1) open.add(row.id);
      else open.delete(row.id);
      since = row.seq;
    }
    if (page.results.length < 2000) break;
  }
  const summaries: ConflictSummary[] = [];
  for (const id of [...open]) {
    const doc = store.get(id, { conflicts: true });
    if (!doc?._conflicts || doc._conflicts.length === 0) {
      open.delete(id);
      continue;
    }
    const type = typeof doc.type === 'string' ? doc.type : '';
    if (types.includes(type)) summaries.push({ id, type, winnerRev: doc._rev, conflictRevs: [...doc._conflicts] });
  }
  store.putLocal({ _id: INBOX_ID, ...(saved ? { _rev: saved._rev } : {}), seq: since, ids: [...open] });
  return summaries.sort((a, b) => (a.id < b.id ? -1 : 1));
}

/** Both (or all) sides of one conflicted document, winner first. Null when there is no conflict. */
export function showConflict(store: DocumentStoreApi, id: string): ConflictDetail | null {
  const winner = store.get(id, { conflicts: true });
  if (!winner?._conflicts || winner._conflicts.length === 0) return null;
  const others = store.getOpenRevs(id, winner._conflicts).flatMap((r) => ('ok' in r ? [{ rev: r.ok._rev, body: bodyOf(r.ok) }] : []));
  return { id, type: typeof winner.type === 'string' ? winner.type : '', winner: { rev: winner._rev, body: bodyOf(winner) }, others };
}

/**
 * Resolves a conflict in one store transaction. Throws ConflictChangedError if the leaves are not
 * the ones the person saw, and the store's refusal (schema) if the body is not valid. A document
 * whose type's policy is `immutable` only keeps its winner, unstamped (ImmutableConflictError
 * otherwise): the winner is not edited, the other branches are closed.
 */
export function resolveConflict(store: DocumentStoreApi, input: ResolveConflictInput): ConflictResolved {
  return store.transaction(() => {
    const detail = showConflict(store, input.id);
    if (!detail) throw new ConflictChangedError(input.id);
    const leaves = [detail.winner.rev, ...detail.others.map((o) => o.rev)].sort();
    if (leaves.join(',') !== [...input.seenRevs].sort().join(',')) throw new ConflictChangedError(input.id);
    const immutable = documentRegistry.get(detail.type)?.conflicts === 'immutable';
    if (immutable && (input.resolution.kind !== 'keep' || input.resolution.rev !== detail.winner.rev)) throw new ImmutableConflictError(input.id);

    let chosen: string | 'merged';
    let body: Record<string, unknown>;
    if (input.resolution.kind === 'keep') {
      const rev = input.resolution.rev;
      const side = rev === detail.winner.rev ? detail.winner : detail.others.find((o) => o.rev === rev);
      if (!side) throw new ConflictChangedError(input.id);
      chosen = rev;
      body = { ...side.body };
    } else {
      chosen = 'merged';
      body = { ...input.resolution.body };
    }
    const stamp = immutable ? undefined : input.stamp;
    if (stamp) Object.assign(body, stamp);

    const unchanged = chosen === detail.winner.rev && !stamp;
    let newRev: string | null = null;
    if (!unchanged) {
      const [written] = store.bulkDocs([{ ...body, _id: input.id, _rev: detail.winner.rev }]);
      if (!written.ok) throw new Error(`保存冲突处理结果失败：${written.reason}`);
      newRev = written.rev;
    }
    const closedRevs = detail.others.map((o) => o.rev);
    const deletions = store.bulkDocs(closedRevs.map((rev) => ({ _id: input.id, _rev: rev, _deleted: true })));
    const deletionRevs = deletions.map((d) => {
      if (!d.ok) throw new Error(`关闭冲突分支失败：${d.reason}`);
      return d.rev;
    });
    return { id: input.id, type: detail.type, previousWinner: detail.winner.rev, chosen, newRev, closedRevs, deletionRevs };
  });
}
