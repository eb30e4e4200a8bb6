/**
 * A backup restored into a fresh data folder yields the same documents and projections; a wrong
 * passphrase, a truncated file and a file with one byte changed are each refused and change nothing.
 */
import Database from 'better-sqlite3';
import {
  closeSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  readSync,
  readdirSync,
  rmSync,
  statSync,
  truncateSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../app/clinic-app';
import { openTestApp } from '../../app/testing';
import { BACKUP_MAGIC } from './format';
import { identifyClinicDatabase } from './identify';
import { backupOf } from './testing/backup-of';
import { BACKUP_REFUSALS, BackupRefused, type BackupRefusalCode } from './refusal';
import { restoreBackup } from './restore-backup';
import { contentsOf } from './testing/compare';
import { makePatient, putDocs } from '../../../db/testing/fixtures';

const PASSPHRASE = '青山镇 backup 2026';

let world: Awaited<ReturnType<typeof openTestApp>>;
let folder: string;
let backupFile: string;

function registerPatients(count: number): void {
  putDocs(
    world.app.context.data.store,
    Array.from({ length: count }, (_, i) => makePatient(i, { name: `测试${String.fromCharCode(0x4e00 + i)}`, phone: `1380000${String(1000 + i)}` })),
  );
}

beforeAll(async () => {
  world = await openTestApp({ initialized: true });
  registerPatients(30);
  folder = mkdtempSync(path.join(os.tmpdir(), 'clinic-usb-'));
  backupFile = await backupOf(world.dataDir, folder, PASSPHRASE);
});

afterAll(() => {
  world.close();
  rmSync(folder, { recursive: true, force: true });
});

function freshFolder(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'clinic-restore-'));
  mkdirSync(dir, { recursive: true });
  return dir;
}

async function restoreInto(dir: string, file: string, passphrase: string) {
  return restoreBackup({ file, passphrase, liveFile: path.join(dir, DATABASE_FILE), workDir: dir, identify: identifyClinicDatabase });
}

async function refusalOf(promise: Promise<unknown>): Promise<BackupRefusalCode | 'none'> {
  try {
    await promise;
    return 'none';
  } catch (error) {
    if (error instanceof BackupRefused) return error.code;
    throw error;
  }
}

describe('backup and restore', () => {
  it('writes one encrypted file: no patient name or phone number in its bytes', () => {
    expect(readdirSync(folder)).toEqual([path.basename(backupFile)]);
    const bytes = readFileSync(backupFile);
    expect(bytes.subarray(0, 8).equals(BACKUP_MAGIC)).toBe(true);
    expect(bytes.includes(Buffer.from('测试', 'utf8'))).toBe(false);
    expect(bytes.includes(Buffer.from('13800001000', 'utf8'))).toBe(false);
    expect(bytes.includes(Buffer.from('SQLite format 3', 'utf8'))).toBe(false);
  });

  it('restored into a fresh data folder, gives the same documents and projections', async () => {
    const dir = freshFolder();
    try {
      const outcome = await restoreInto(dir, backupFile, PASSPHRASE);
      expect(outcome.clinic.clinicCode).toBe('qingshan');
      const original = contentsOf(path.join(world.dataDir, DATABASE_FILE));
      const restored = contentsOf(path.join(dir, DATABASE_FILE));
      expect(original.documents.length).toBeGreaterThan(30);
      expect(restored).toEqual(original);
      expect(readdirSync(dir).filter((n) => n.startsWith('.backup-'))).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.each([
    ['a wrong passphrase', 'BACKUP_WRONG_PASSPHRASE', (file: string) => file, 'not the passphrase'],
    ['a truncated file', 'BACKUP_TRUNCATED', (file: string) => (truncateSync(file, statSync(file).size - 1000), file), PASSPHRASE],
    ['a file with one byte changed', 'BACKUP_DAMAGED', (file: string) => flipByte(file, Math.floor(statSync(file).size / 2)), PASSPHRASE],
    ['a changed header', 'BACKUP_DAMAGED', (file: string) => flipByte(file, 20), PASSPHRASE],
  ] as const)('refuses %s and leaves the data folder as it was', async (_what, code, spoil, passphrase) => {
    const dir = freshFolder();
    const copy = path.join(dir, 'copy.tcbak');
    try {
      writeFileSync(copy, readFileSync(backupFile));
      // Restoring over a set-up clinic: its database must come out untouched.
      const live = path.join(world.dataDir, DATABASE_FILE);
      const before = contentsOf(live);
      const refused = await refusalOf(
        restoreBackup({
          file: spoil(copy),
          passphrase,
          liveFile: live,
          workDir: world.dataDir,
          identify: identifyClinicDatabase,
          expectClinicCode: 'qingshan',
        }),
      );
      expect(refused).toBe(code);
      expect(BACKUP_REFUSALS[code]).toContain('本机数据没有任何改动');
      expect(contentsOf(live)).toEqual(before);
      expect(readdirSync(world.dataDir).filter((n) => n.startsWith('.backup-'))).toEqual([]);
      // And into an empty folder: no database appears.
      expect(await refusalOf(restoreInto(dir, copy, passphrase))).toBe(code);
      expect(readdirSync(dir)).toEqual(['copy.tcbak']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('replaces a live database in place: the open connection sees the backup', async () => {
    const other = await openTestApp({ initialized: true });
    try {
      const live = path.join(other.dataDir, DATABASE_FILE);
      await restoreBackup({ file: backupFile, passphrase: PASSPHRASE, liveFile: live, workDir: other.dataDir, identify: identifyClinicDatabase });
      const db = new Database(live, { readonly: true });
      const patients = db.prepare('SELECT count(*) FROM patients').pluck().get();
      db.close();
      expect(patients).toBe(30);
      expect(other.app.context.data.patients.byId).toBeTypeOf('function');
    } finally {
      other.close();
    }
  });
});

function flipByte(file: string, at: number): string {
  const fd = openSync(file, 'r+');
  try {
    const one = Buffer.alloc(1);
    readSync(fd, one, 0, 1, at);
    one[0] ^= 0x01;
    writeSync(fd, one, 0, 1, at);
  } finally {
    closeSync(fd);
  }
  return file;
}
