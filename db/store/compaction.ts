/**
 * Local growth: what may be thrown away from the clinic's database file, and what never is.
 *
 * Policy (issue 4, "local growth"):
 *
 * - Bodies of older (non-leaf) revisions of documents whose type the registry declares
 *   administrative (shared/docs/types.ts: clinic settings, departments, user accounts, the county's
 *   reference dictionaries). Their current state is what matters; an old user revision also holds
 *   an old password hash, which is better gone. The revision ids stay in the tree (marked
 *   `missing`, as PouchDB's own compaction does), so replication and conflict detection work as
 *   before. Drafts are `_local/` documents without history: nothing to drop.
 * - NEVER for clinical types (patients: demographics are part of the record; encounters, notes,
 *   audit events …), and never for a type the registry does not declare (kept until someone
 *   declares it).
 * - Never a leaf, and never anything of a document with more than one leaf (an open conflict, or a
 *   resolved one whose losing branch is kept as the record of the resolution).
 * - Replication checkpoints (`_local/` documents PouchDB writes) beyond the newest few, once they
 *   have not changed for a while: they belong to replications that no longer run (an old server
 *   address, an old database name). Our own `_local/clinic-*` state is never touched.
 * - Attachment bytes are kept (scanned pages; shared by digest between revisions).
 *
 * Then `VACUUM` and `wal_checkpoint(TRUNCATE)` give the space back to the disk.
 */
import type Database from 'better-sqlite3';
import { collectLeavesOf, findNode, parseRev, type RevTree } from './rev-tree';
import { documentRegistry, type DocumentRegistry } from '../../shared/docs';
import type { DocumentStoreApi } from './types';

export interface CompactionPolicy {
  readonly compactableTypes: ReadonlyArray<string>;
  /** The most recently changed replication checkpoints kept whatever their age. */
  readonly keepCheckpoints: number;
  /** Older checkpoints are purged only after going this long without a change. */
  readonly checkpointIdleMs: number;
}

/** The policy the registry gives: its administrative types, read when compaction runs. */
export function defaultCompactionPolicy(registry: DocumentRegistry = documentRegistry): CompactionPolicy {
  return { compactableTypes: registry.typesOfClass('administrative'), keepCheckpoints: 4, checkpointIdleMs: 30 * 24 * 3600_000 };
}

export interface CompactionReport {
  readonly documentsCompacted: number;
  readonly revisionsDropped: number;
  readonly checkpointsPurged: number;
  /** Main file plus write-ahead log, before and after. */
  readonly bytesBefore: number;
  readonly bytesAfter: number;
  readonly durationMs: number;
}

export interface CompactionTarget {
  readonly file: string;
  readonly sqlite: Database.Database;
  readonly store: Pick<DocumentStoreApi, 'getLocal' | 'putLocal' | 'removeLocal'>;
}

const LEDGER_ID = '_local/clinic-compaction-ledger';
const BATCH = 500;

/**
 * The database's size as the 同步 screen's summary gives it (the store's `fileSizeBytes`): its pages,
 * free ones included, which is what the file holds once the write-ahead log is checkpointed. Measuring
 * the files instead counted a passing WAL, so 整理 reported a "before" the summary never showed and
 * an "after" that the next small write moved.
 */
export function databaseBytes(sqlite: Database.Database): number {
  return Number(sqlite.pragma('page_count', { simple: true })) * Number(sqlite.pragma('page_size', { simple: true }));
}

export function compactDatabase(target: CompactionTarget, options: { policy?: CompactionPolicy; now?: () => number } = {}): CompactionReport {
  const policy = options.policy ?? defaultCompactionPolicy();
  const now = options.now ?? Date.now;
  const started = now();
  const bytesBefore = databaseBytes(target.sqlite);

  const dropped = dropOldRevisionBodies(target.sqlite, policy.compactableTypes);
  const checkpointsPurged = purgeStaleCheckpoints(target, policy, now());

  target.sqlite.exec('VACUUM');
  target.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  return {
    documentsCompacted: dropped.documents,
    revisionsDropped: dropped.revisions,
    checkpointsPurged,
    bytesBefore,
    bytesAfter: databaseBytes(target.sqlite),
    durationMs: Math.max(0, now() - started),
  };
}

interface Candidate {
  readonly doc_key: number;
  readonly rev_tree: string;
}

/** Drops non-leaf revision bodies of single-leaf documents of the given types. */
export function dropOldRevisionBodies(sqlite: Database.Database, types: ReadonlyArray<string>): { documents: number; revisions: number } {
  if (types.length === 0) return { documents: 0, revisions: 0 };
  const marks = types.map(() => '?').join(', ');
  // Documents with a stored revision other than the winner: the only ones with anything to drop.
  const candidates = sqlite
    .prepare<unknown[], Candidate>(
      `SELECT d.doc_key, d.rev_tree FROM documents d
       WHERE d.type IN (${marks}) AND d.conflict_count = 0
         AND EXISTS (SELECT 1 FROM revisions r WHERE r.doc_key = d.doc_key AND r.rev <> d.winning_rev)
       ORDER BY d.id`,
    )
    .all(...types);
  const listRevisions = sqlite.prepare<[number], { revision_id: number; rev: string; body: string }>(
    'SELECT revision_id, rev, body FROM revisions WHERE doc_key = ?',
  );
  const deleteRevision = sqlite.prepare<[number]>('DELETE FROM revisions WHERE revision_id = ?');
  const updateTree = sqlite.prepare<[string, number]>('UPDATE documents SET rev_tree = ? WHERE doc_key = ?');
  const allowed = new Set(types);

  let documents = 0;
  let revisions = 0;
  const compactOne = (candidate: Candidate): void => {
    const tree = JSON.parse(candidate.rev_tree) as RevTree;
    const leaves = collectLeavesOf(tree);
    // More than one leaf: an open conflict, or a resolved one whose losing branch stays on record.
    if (leaves.length !== 1) return;
    let droppedHere = 0;
    for (const row of listRevisions.all(candidate.doc_key)) {
      if (row.rev === leaves[0]) continue;
      // Belt and braces: a revision that says it is of another type (a type changed over time) stays.
      const bodyType = typeOfBody(row.body);
      if (bodyType !== null && !allowed.has(bodyType)) continue;
      deleteRevision.run(row.revision_id);
      const parsed = parseRev(row.rev);
      const node = parsed ? findNode(tree, parsed.pos, parsed.hash) : null;
      if (node) node[1] = node[1].deleted ? { status: 'missing', deleted: true } : { status: 'missing' };
      droppedHere += 1;
    }
    if (droppedHere === 0) return;
    updateTree.run(JSON.stringify(tree), candidate.doc_key);
    documents += 1;
    revisions += droppedHere;
  };
  for (let i = 0; i < candidates.length; i += BATCH) {
    const batch = candidates.slice(i, i + BATCH);
    sqlite.transaction(() => batch.forEach(compactOne)).immediate();
  }
  return { documents, revisions };
}

function typeOfBody(body: string): string | null {
  try {
    const parsed = JSON.parse(body) as { type?: unknown };
    return typeof parsed.type === 'string' ? parsed.type : null;
  } catch {
    return null;
  }
}

interface LedgerEntry {
  readonly rev: string;
  readonly changedAt: number;
}

/** A PouchDB replication checkpoint (pouchdb-checkpointer): `{ session_id, history, replicator, … }`. */
function isCheckpoint(id: string, body: Record<string, unknown>): boolean {
  if (id.startsWith('_local/clinic-')) return false;
  return body.replicator === 'pouchdb' || (typeof body.session_id === 'string' && Array.isArray(body.history));
}

/**
 * `_local` documents carry no time, so a ledger remembers when each checkpoint was last seen to
 * change. A checkpoint first seen today counts as changed today: nothing is purged on the first pass.
 */
export function purgeStaleCheckpoints(target: CompactionTarget, policy: CompactionPolicy, nowMs: number): number {
  const rows = target.sqlite.prepare<[], { id: string; rev: string; body: string }>('SELECT id, rev, body FROM local_docs').all();
  const ledgerDoc = target.store.getLocal(LEDGER_ID);
  const previous = (ledgerDoc?.checkpoints ?? {}) as Record<string, LedgerEntry>;
  const seen: Record<string, LedgerEntry> = {};
  for (const row of rows) {
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(row.body) as Record<string, unknown>;
    } catch {
      continue;
    }
    if (!isCheckpoint(row.id, body)) continue;
    const before = previous[row.id];
    seen[row.id] = before && before.rev === row.rev ? before : { rev: row.rev, changedAt: nowMs };
  }
  const newestFirst = Object.entries(seen).sort(([a, x], [b, y]) => y.changedAt - x.changedAt || (a < b ? -1 : 1));
  let purged = 0;
  for (const [id, entry] of newestFirst.slice(policy.keepCheckpoints)) {
    if (nowMs - entry.changedAt < policy.checkpointIdleMs) continue;
    target.store.removeLocal(id, entry.rev);
    delete seen[id];
    purged += 1;
  }
  target.store.putLocal({ _id: LEDGER_ID, ...(ledgerDoc ? { _rev: ledgerDoc._rev } : {}), checkpoints: seen, compactedAt: new Date(nowMs).toISOString() });
  return purged;
}
