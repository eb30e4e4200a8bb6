import Database from 'better-sqlite3';
import type { DocumentRegistry } from '../shared/docs';
import { applyMigrations } from './migrate';
import { createOrm, type ClinicOrm } from './orm';
import { isProjectionRebuildPending, rebuildProjectionsSync, retryAwaitingUpgrade } from './projections/rebuild';
import { restoreRebuildIndexes } from './projections/rebuild-indexes';
import { ensureSearchTables } from './search/fts-tables';
import type { Projector } from './projections/types';
import { installSlowQueryLog, type SlowQueryLogOptions } from './slow-query-log';
import { DocumentStore } from './store/document-store';

export interface OpenClinicDatabaseOptions {
  /** Where the generated migrations are (default: db/migrations next to this module). */
  readonly migrationsFolder?: string;
  /** Projectors to run instead of the default set (tests, tools). */
  readonly projectors?: ReadonlyArray<Projector>;
  /** Log statements slower than a threshold (default: on, 200 ms, console.warn); false to turn off. */
  readonly slowQueryLog?: SlowQueryLogOptions | false;
  /**
   * Finish a rebuild left pending by a crash (default true). A disaster recovery that resumes
   * says false: it defers projections again and rebuilds once at its end (see `deferProjections`).
   */
  readonly finishPendingRebuild?: boolean;
  /** The declared document types (default: the app's own, shared/docs). */
  readonly registry?: DocumentRegistry;
}

export interface ClinicDatabase {
  readonly file: string;
  readonly sqlite: Database.Database;
  readonly orm: ClinicOrm;
  readonly store: DocumentStore;
  close(): void;
}

/**
 * Opens (creating if needed) the clinic's database file: WAL journal, synchronous=NORMAL (a
 * committed transaction survives the app being killed; an OS crash may lose the last ones, never
 * corrupt the file), foreign keys on; applies pending migrations; finishes a projection rebuild
 * that was interrupted.
 */
export function openClinicDatabase(file: string, options: OpenClinicDatabaseOptions = {}): ClinicDatabase {
  const sqlite = new Database(file);
  try {
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = NORMAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    // A larger page cache keeps the indexes of a million-patient database in memory while writing.
    sqlite.pragma('cache_size = -65536');
    // Checkpoint every 10,000 pages (~40 MB) of WAL rather than 1,000: fewer fsyncs of the main
    // file under bulk writes; the WAL is cut back to 64 MB after a checkpoint. (Pages stay at the
    // default 4 KiB: with random document ids each commit dirties scattered pages, and 8 KiB pages
    // wrote more and ran slower past 200,000 patients.)
    sqlite.pragma('wal_autocheckpoint = 10000');
    sqlite.pragma('journal_size_limit = 67108864');
    if (options.slowQueryLog !== false) installSlowQueryLog(sqlite, options.slowQueryLog ?? {});

    const orm = createOrm(sqlite);
    // Indexes an interrupted rebuild left dropped come back before any migration looks for them.
    restoreRebuildIndexes(sqlite);
    applyMigrations(orm, options.migrationsFolder);
    ensureSearchTables(sqlite);
    const store = new DocumentStore(sqlite, { orm, projectors: options.projectors, registry: options.registry });
    const database: ClinicDatabase = { file, sqlite, orm, store, close: () => store.close() };
    const rebuildPending = isProjectionRebuildPending(database);
    if (rebuildPending && options.finishPendingRebuild !== false) rebuildProjectionsSync(database);
    // Documents an older version of the program could not read are projected now if this one can.
    if (!rebuildPending) retryAwaitingUpgrade(database);
    return database;
  } catch (error) {
    sqlite.close();
    throw error;
  }
}
