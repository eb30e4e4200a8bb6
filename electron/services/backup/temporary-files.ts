import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import path from 'node:path';

/**
 * A fresh file name in `dir` for a plain copy of the database made during a backup or a restore.
 * Kept in the data folder, not the system's temp folder: a plain copy deserves the protection the
 * database itself has, and the restore's final rename must stay on one disk.
 */
export function temporaryPath(dir: string, purpose: 'snapshot' | 'verify' | 'restore' | 'aside'): string {
  return path.join(dir, `.backup-${purpose}-${randomBytes(6).toString('hex')}.sqlite`);
}

/** Deletes copies and the -wal and -shm files SQLite may have left beside them. */
export function removeCopies(files: ReadonlyArray<string>): void {
  for (const file of files) for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
}
