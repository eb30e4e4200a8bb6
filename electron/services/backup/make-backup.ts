/**
 * One backup, start to end: a consistent snapshot of the live database (SQLite online backup, the
 * app keeps writing), encrypted into the target folder under a temporary name, flushed to the drive
 * and renamed (a pulled USB drive leaves a `.partial` file, never a half backup under a real name),
 * then read back: decrypted, digest compared, opened with `PRAGMA integrity_check`. Only then are
 * older backups rotated out.
 */
import { closeSync, existsSync, fsyncSync, openSync, readdirSync, renameSync, rmSync, statfsSync, statSync } from 'node:fs';
import path from 'node:path';
import { integrityCheck, snapshotDatabase } from '../../../db/backup/sqlite-copy';
import { decryptToFile, encryptToFile, type BackupFacts } from './cipher';
import { backupFileName, backupsToRemove, type KeepCounts } from './rotation';
import { BackupRefused } from './refusal';
import { removeCopies, temporaryPath } from './temporary-files';

export type BackupPhase = 'snapshot' | 'encrypt' | 'verify' | 'rotate';

export interface BackupProgress {
  readonly phase: BackupPhase;
  readonly done: number;
  readonly total: number;
}

export interface BackupOutcome {
  readonly file: string;
  readonly bytes: number;
  readonly plainBytes: number;
  readonly durationMs: number;
  readonly removed: ReadonlyArray<string>;
}

/** A backup that could not be made, with what to do about it. */
export class BackupFailed extends Error {
  constructor(
    readonly code: 'BACKUP_TARGET_MISSING' | 'BACKUP_NO_SPACE' | 'BACKUP_VERIFY_FAILED' | 'BACKUP_WRITE_FAILED',
    message: string,
  ) {
    super(message);
    this.name = 'BackupFailed';
  }
}

export const TARGET_MISSING_MESSAGE = '备份盘未插入：请插入U盘后点「立即备份」。';

export interface MakeBackupOptions {
  /** The live database file. */
  readonly liveFile: string;
  /** Where the plain snapshot and the read-back copy are made (the data folder: as protected as the database). */
  readonly workDir: string;
  readonly targetDir: string;
  readonly passphrase: string;
  readonly facts: Omit<BackupFacts, 'createdAt'>;
  readonly zone: string;
  readonly keep: KeepCounts;
  readonly now?: () => Date;
  readonly onProgress?: (progress: BackupProgress) => void;
}

function freeBytes(dir: string): number {
  const s = statfsSync(dir);
  return Number(s.bavail) * Number(s.bsize);
}

function liveBytes(liveFile: string): number {
  const wal = `${liveFile}-wal`;
  return statSync(liveFile).size + (existsSync(wal) ? statSync(wal).size : 0);
}

function fsyncDirectory(dir: string): void {
  // Windows cannot open a folder for fsync; NTFS orders the rename itself.
  if (process.platform === 'win32') return;
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

export async function makeBackup(options: MakeBackupOptions): Promise<BackupOutcome> {
  const started = Date.now();
  const { targetDir, workDir } = options;
  // The folder is never created here: a missing USB drive's path would otherwise become a folder on the system disk.
  if (!existsSync(targetDir) || !statSync(targetDir).isDirectory()) throw new BackupFailed('BACKUP_TARGET_MISSING', TARGET_MISSING_MESSAGE);
  const needed = liveBytes(options.liveFile);
  if (freeBytes(targetDir) < needed * 1.05 + 16 * 1024 * 1024) {
    throw new BackupFailed(
      'BACKUP_NO_SPACE',
      `备份盘空间不够：这次备份约需 ${Math.ceil(needed / 1048576)} MB。请换一个更大的U盘，或删掉盘上不需要的文件后再点「立即备份」。`,
    );
  }
  if (freeBytes(workDir) < needed * 2.1) {
    throw new BackupFailed(
      'BACKUP_NO_SPACE',
      `本机数据盘剩余空间不够做备份（约需 ${Math.ceil((needed * 2) / 1048576)} MB 临时空间）。请清理本机磁盘后再点「立即备份」。`,
    );
  }
  const createdAt = (options.now ?? (() => new Date()))();
  const name = backupFileName(options.facts.clinicCode, options.facts.workstation, createdAt, options.zone);
  const finalPath = path.join(targetDir, name);
  const partial = path.join(targetDir, `.${name}.partial`);
  const snapshot = temporaryPath(workDir, 'snapshot');
  const readBack = temporaryPath(workDir, 'verify');
  const progress = (phase: BackupPhase) => (done: number, total: number) => options.onProgress?.({ phase, done, total });
  try {
    progress('snapshot')(0, 1);
    await snapshotDatabase(options.liveFile, snapshot);
    progress('snapshot')(1, 1);
    const out = openSync(partial, 'w', 0o600);
    let plainBytes: number;
    try {
      const header = await encryptToFile(snapshot, out, {
        passphrase: options.passphrase,
        facts: { ...options.facts, createdAt: createdAt.toISOString() },
        onProgress: progress('encrypt'),
      });
      plainBytes = header.plainBytes;
      fsyncSync(out);
    } catch (error) {
      throw new BackupFailed(
        'BACKUP_WRITE_FAILED',
        `写备份文件时出错（${error instanceof Error ? error.message : String(error)}）。请检查U盘后再点「立即备份」。`,
      );
    } finally {
      closeSync(out);
    }
    rmSync(snapshot, { force: true });
    renameSync(partial, finalPath);
    fsyncDirectory(targetDir);
    await verifyBackupFile(finalPath, options.passphrase, readBack, progress('verify'));
    progress('rotate')(0, 1);
    const removed = backupsToRemove(readdirSync(targetDir), options.facts.clinicCode, options.keep).filter((n) => n !== name);
    for (const old of removed) rmSync(path.join(targetDir, old), { force: true });
    progress('rotate')(1, 1);
    return { file: finalPath, bytes: statSync(finalPath).size, plainBytes, durationMs: Date.now() - started, removed };
  } finally {
    removeCopies([snapshot, readBack, partial]);
  }
}

/**
 * The check after each backup: the file just written, read back from the drive, decrypts, matches
 * its digest and is a sound SQLite database. A file that fails is deleted: a bad backup kept under
 * a good name is worse than none, because rotation would keep it instead of a good one.
 */
async function verifyBackupFile(file: string, passphrase: string, readBack: string, onProgress: (done: number, total: number) => void): Promise<void> {
  try {
    const out = openSync(readBack, 'w', 0o600);
    try {
      await decryptToFile(file, out, passphrase, onProgress);
    } finally {
      closeSync(out);
    }
    const findings = integrityCheck(readBack);
    if (findings.length !== 1 || findings[0] !== 'ok') throw new Error(`integrity_check: ${findings.join('; ')}`);
  } catch (error) {
    rmSync(file, { force: true });
    const why = error instanceof BackupRefused ? error.message : error instanceof Error ? error.message : String(error);
    throw new BackupFailed('BACKUP_VERIFY_FAILED', `备份写完后读回检查没有通过，这个备份已删除（${why}）。U盘可能有坏块，请换一个U盘后再点「立即备份」。`);
  }
}
