import type Database from 'better-sqlite3';
import { getTableColumns, getTableName } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import { currentVersionOf } from '../../shared/docs';
import type { AwaitingUpgrade } from '../store/types';
import { dropIndexesForRebuild, restoreRebuildIndexes } from './rebuild-indexes';
import type { ProjectionRunner } from './runner';

/**
 * Rebuilding the projections from the documents: empty every projection table, then project each
 * document's winning revision again, in batches. The result must equal what the write path built
 * (a test checks it table by table).
 *
 * The search and look-up indexes are built once at the end (see rebuild-indexes.ts).
 *
 * Crash-safe: a flag in `meta` is set in the transaction that empties the tables and cleared in the
 * one that writes the last batch; `openClinicDatabase` finishes an interrupted rebuild.
 */

export interface RebuildProgress {
  readonly done: number;
  readonly total: number;
}

export interface ProjectionHost {
  readonly sqlite: Database.Database;
  readonly store: { readonly projections: ProjectionRunner };
}

export const REBUILD_PENDING_KEY = 'projections.rebuild_pending';
const DEFAULT_BATCH = 2000;
/**
 * The blocking rebuild yields nothing to the event loop between batches, so its batches are only
 * a matter of commit cost (each commit writes every page it dirtied) against progress reports:
 * 10,000 documents is a report every second or two on a clinic PC.
 */
const ONE_GO_BATCH = 10_000;

interface WinnerRow {
  readonly id: string;
  readonly type: string | null;
  readonly winning_rev: string;
  readonly body: string;
}

function* rebuildSteps(host: ProjectionHost, batchSize: number): Generator<RebuildProgress, RebuildProgress> {
  const { sqlite } = host;
  const runner = host.store.projections;
  const total = sqlite.prepare<[], number>('SELECT count(*) FROM documents WHERE deleted = 0').pluck().get() ?? 0;
  const setPending = sqlite.prepare<[string]>("INSERT INTO meta (key, value) VALUES (?, '1') ON CONFLICT (key) DO UPDATE SET value = excluded.value");
  const clearPending = sqlite.prepare<[string]>('DELETE FROM meta WHERE key = ?');
  const nextBatch = sqlite.prepare<[string, number], WinnerRow>(
    `SELECT d.id, d.type, d.winning_rev, r.body FROM documents d
     JOIN revisions r ON r.doc_key = d.doc_key AND r.rev = d.winning_rev
     WHERE d.deleted = 0 AND d.id > ? ORDER BY d.id LIMIT ?`,
  );

  sqlite
    .transaction(() => {
      // From here on, writes made between batches project themselves again (see rebuildProjections).
      runner.setDeferred(false);
      dropIndexesForRebuild(sqlite);
      runner.clearAll();
      setPending.run(REBUILD_PENDING_KEY);
    })
    .immediate();

  let done = 0;
  let after = '';
  for (;;) {
    const finished = sqlite
      .transaction(() => {
        const rows = nextBatch.all(after, batchSize);
        for (const row of rows) {
          if (row.type === null || !runner.projects(row.type)) continue;
          const body = JSON.parse(row.body) as Record<string, unknown>;
          runner.apply(null, { id: row.id, rev: row.winning_rev, deleted: false, type: row.type, doc: { _id: row.id, ...body } }, true);
        }
        done += rows.length;
        if (rows.length > 0) after = rows[rows.length - 1].id;
        const last = rows.length < batchSize;
        if (last) {
          restoreRebuildIndexes(sqlite);
          clearPending.run(REBUILD_PENDING_KEY);
        }
        return last;
      })
      .immediate();
    const progress = { done, total: Math.max(total, done) };
    if (finished) return progress;
    yield progress;
  }
}

/** Rebuilds every projection table in one go (blocking). */
export function rebuildProjectionsSync(
  host: ProjectionHost,
  onProgress?: (progress: RebuildProgress) => void,
  options: { batchSize?: number } = {},
): RebuildProgress {
  const steps = rebuildSteps(host, options.batchSize ?? ONE_GO_BATCH);
  for (;;) {
    const step = steps.next();
    onProgress?.(step.value);
    if (step.done) return step.value;
  }
}

/**
 * Rebuilds every projection table, giving the event loop a turn between batches so the window
 * stays responsive. Writes made meanwhile are safe: they project themselves, and a batch reads the
 * winners as they are when it runs.
 */
export async function rebuildProjections(
  host: ProjectionHost,
  onProgress?: (progress: RebuildProgress) => void,
  options: { batchSize?: number } = {},
): Promise<RebuildProgress> {
  const steps = rebuildSteps(host, options.batchSize ?? DEFAULT_BATCH);
  for (;;) {
    const step = steps.next();
    onProgress?.(step.value);
    if (step.done) return step.value;
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}

/**
 * Stops projecting until the next rebuild, for loading many documents into an empty store (a
 * disaster recovery): each document is then written once, and projected once, by the rebuild, in
 * id order, instead of being projected as it arrives and again by the rebuild that proves the
 * result. The rebuild is marked pending in the same step, so if the load is cut short (a crash, a
 * lost line) the next open rebuilds before anything reads the projections.
 */
export function deferProjections(host: ProjectionHost): void {
  host.sqlite
    .prepare<[string]>("INSERT INTO meta (key, value) VALUES (?, '1') ON CONFLICT (key) DO UPDATE SET value = excluded.value")
    .run(REBUILD_PENDING_KEY);
  host.store.projections.setDeferred(true);
}

export function isProjectionRebuildPending(host: Pick<ProjectionHost, 'sqlite'>): boolean {
  return host.sqlite.prepare<[string], number>('SELECT 1 FROM meta WHERE key = ?').pluck().get(REBUILD_PENDING_KEY) !== undefined;
}

/**
 * Every projection table's rows, sorted by all columns: two dumps are deep-equal exactly when the
 * tables hold the same rows. For tests and for checking a database by hand.
 */
export function dumpProjections(host: ProjectionHost): Record<string, unknown[]> {
  const dump: Record<string, unknown[]> = {};
  for (const table of host.store.projections.tables) {
    const columns = Object.values(getTableColumns(table) as Record<string, SQLiteColumn>).map((column) => `"${column.name}"`);
    const name = getTableName(table);
    dump[name] = host.sqlite.prepare(`SELECT ${columns.join(', ')} FROM "${name}" ORDER BY ${columns.join(', ')}`).all();
  }
  return dump;
}

/** Documents stored but not projected because a newer program wrote them, by id. */
export function listAwaitingUpgrade(host: Pick<ProjectionHost, 'sqlite'>): AwaitingUpgrade[] {
  return host.sqlite.prepare<[], AwaitingUpgrade>('SELECT doc_id AS docId, rev, type, version FROM awaiting_upgrade ORDER BY doc_id').all();
}

/**
 * Projects the documents that were waiting for a program update, now that this program knows their
 * version. Cheap when there is nothing to do (the list is read, usually empty); run at every open.
 * Returns how many were projected (or listed again, should they now fail their schema).
 */
export function retryAwaitingUpgrade(host: ProjectionHost): number {
  const runner = host.store.projections;
  const ready = listAwaitingUpgrade(host).filter((row) => {
    const definition = runner.registry.get(row.type);
    return definition !== undefined && row.version <= currentVersionOf(definition);
  });
  if (ready.length === 0) return 0;
  const winner = host.sqlite.prepare<[string], WinnerRow>(
    `SELECT d.id, d.type, d.winning_rev, r.body FROM documents d
     JOIN revisions r ON r.doc_key = d.doc_key AND r.rev = d.winning_rev
     WHERE d.id = ? AND d.deleted = 0`,
  );
  host.sqlite
    .transaction(() => {
      runner.beginBatch();
      for (const row of ready) {
        const current = winner.get(row.docId);
        if (!current) {
          host.sqlite.prepare<[string]>('DELETE FROM awaiting_upgrade WHERE doc_id = ?').run(row.docId);
          continue;
        }
        const body = JSON.parse(current.body) as Record<string, unknown>;
        runner.apply(current.type, { id: current.id, rev: current.winning_rev, deleted: false, type: current.type, doc: { _id: current.id, ...body } }, false);
      }
    })
    .immediate();
  return ready.length;
}
