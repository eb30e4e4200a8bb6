/**
 * Restoring a backup file over this PC's database. Everything that can refuse happens first, on a
 * private copy: decrypt (passphrase, length, every chunk's tag, the digest), `integrity_check`,
 * open it as a clinic database (which also upgrades an older backup's tables to this program's).
 * Only then is the live database replaced, in one SQLite write transaction, with the old content
 * copied aside until the new one has opened; if that fails the old content goes back.
 */
import { closeSync, existsSync, openSync, renameSync } from 'node:fs';
import { copyIntoLive, integrityCheck, snapshotDatabase } from '../../../db/backup/sqlite-copy';
import { decryptToFile } from './cipher';
import type { BackupHeader } from './format';
import { BackupRefused } from './refusal';
import { removeCopies, temporaryPath } from './temporary-files';

export type RestorePhase = 'decrypt' | 'check' | 'swap';

export interface RestoreProgress {
  readonly phase: RestorePhase;
  readonly done: number;
  readonly total: number;
}

/** What a checked copy holds, read by the caller (it knows how to open a clinic database). */
export interface RestoredClinic {
  readonly clinicCode: string;
  readonly clinicName: string;
  readonly users: number;
}

export interface RestoreBackupOptions {
  readonly file: string;
  readonly passphrase: string;
  /** The database file to replace (it may be open in this process, or not exist yet). */
  readonly liveFile: string;
  readonly workDir: string;
  /** Opens a checked copy as a clinic database (migrating it) and says whose it is; null when it holds no clinic. */
  readonly identify: (file: string) => RestoredClinic | null;
  /** Set when the PC already belongs to a clinic: a backup of another clinic is refused. */
  readonly expectClinicCode?: string | null;
  /** After the swap: proves the live database opens with the new content (throws otherwise). */
  readonly confirmLive?: () => void;
  readonly onProgress?: (progress: RestoreProgress) => void;
}

export interface RestoreOutcome {
  readonly header: BackupHeader;
  readonly clinic: RestoredClinic;
  readonly durationMs: number;
}

async function checkedCopy(options: RestoreBackupOptions, copy: string): Promise<{ header: BackupHeader; clinic: RestoredClinic }> {
  if (!existsSync(options.file)) throw new BackupRefused('BACKUP_NOT_FOUND');
  const out = openSync(copy, 'w', 0o600);
  let header: BackupHeader;
  try {
    header = await decryptToFile(options.file, out, options.passphrase, (done, total) => options.onProgress?.({ phase: 'decrypt', done, total }));
  } finally {
    closeSync(out);
  }
  options.onProgress?.({ phase: 'check', done: 0, total: 1 });
  const findings = integrityCheck(copy);
  if (findings.length !== 1 || findings[0] !== 'ok') throw new BackupRefused('BACKUP_INTEGRITY', findings.join('; '));
  const clinic = options.identify(copy);
  if (!clinic || clinic.users === 0) throw new BackupRefused('BACKUP_NOT_A_CLINIC');
  if (options.expectClinicCode && clinic.clinicCode !== options.expectClinicCode) throw new BackupRefused('BACKUP_OTHER_CLINIC', clinic.clinicCode);
  options.onProgress?.({ phase: 'check', done: 1, total: 1 });
  return { header, clinic };
}

export async function restoreBackup(options: RestoreBackupOptions): Promise<RestoreOutcome> {
  const started = Date.now();
  const copy = temporaryPath(options.workDir, 'restore');
  const aside = temporaryPath(options.workDir, 'aside');
  try {
    const { header, clinic } = await checkedCopy(options, copy);
    options.onProgress?.({ phase: 'swap', done: 0, total: 1 });
    if (!existsSync(options.liveFile)) {
      renameSync(copy, options.liveFile);
    } else {
      await snapshotDatabase(options.liveFile, aside);
      await copyIntoLive(copy, options.liveFile);
      try {
        options.confirmLive?.();
      } catch (error) {
        await copyIntoLive(aside, options.liveFile);
        throw error;
      }
    }
    options.onProgress?.({ phase: 'swap', done: 1, total: 1 });
    return { header, clinic, durationMs: Date.now() - started };
  } finally {
    removeCopies([copy, aside]);
  }
}
