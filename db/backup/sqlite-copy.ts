/**
 * The SQLite side of backups: a consistent copy of a live database, the integrity check of a copy,
 * and copying a checked copy back into the live file. All through SQLite's online backup API
 * (https://www.sqlite.org/backup.html), never by copying the file's bytes: the live database is in
 * WAL mode and its latest commits may sit in the -wal file.
 */
import Database from 'better-sqlite3';

/**
 * Everything in one step: a step-by-step backup restarts whenever another connection commits
 * between steps, and under steady writes would never finish. One step holds a read transaction on
 * the source; in WAL mode writers go on meanwhile, and the copy is the database as of the step's start.
 */
const ALL_PAGES = 0x7fffffff;

/** Copies `liveFile` (any number of other connections may be writing) to `destFile`, a new file. */
export async function snapshotDatabase(liveFile: string, destFile: string): Promise<{ pages: number }> {
  const source = new Database(liveFile, { readonly: true, fileMustExist: true });
  try {
    source.pragma('busy_timeout = 5000');
    const result = await source.backup(destFile, { progress: () => ALL_PAGES });
    return { pages: result.totalPages };
  } finally {
    source.close();
  }
}

/** `PRAGMA integrity_check` of a file: ['ok'] when sound, otherwise SQLite's findings (first 20). */
export function integrityCheck(file: string): string[] {
  let db: Database.Database | null = null;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    const rows = db.pragma('integrity_check(20)') as ReadonlyArray<{ integrity_check: unknown }>;
    return rows.map((row) => String(row.integrity_check));
  } catch (error) {
    return [error instanceof Error ? error.message : String(error)];
  } finally {
    db?.close();
  }
}

/**
 * Replaces the content of the live database `liveFile` with `checkedFile`, in one write transaction
 * of the live file: the app's own connection stays open and sees the new content at its next
 * statement; a crash or an error part-way leaves the old content (SQLite rolls the transaction back).
 * The caller makes sure its own connection is not inside a transaction.
 */
export async function copyIntoLive(checkedFile: string, liveFile: string): Promise<void> {
  const source = new Database(checkedFile, { readonly: true, fileMustExist: true });
  try {
    await source.backup(liveFile, { progress: () => ALL_PAGES });
  } finally {
    source.close();
  }
}
