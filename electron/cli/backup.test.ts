/**
 * `npm run cli -- backup` and `restore-backup` as real processes, and a backup taken while another
 * process writes without pause: integrity ok, and every document committed before it began is in it.
 */
import Database from 'better-sqlite3';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makePatient, putDocs } from '../../db/testing/fixtures';
import { DATABASE_FILE } from '../app/clinic-app';
import { openTestApp } from '../app/testing';

const ROOT = path.resolve(import.meta.dirname, '../..');
const PASSPHRASE = 'usb-口令-2026';

function cli(args: ReadonlyArray<string>, passphrase = PASSPHRASE) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'electron/cli/main.ts', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, CLINIC_BACKUP_PASSPHRASE: passphrase },
  });
}

let world: Awaited<ReturnType<typeof openTestApp>>;
let usb: string;

beforeAll(async () => {
  world = await openTestApp({ initialized: true });
  putDocs(
    world.app.context.data.store,
    Array.from({ length: 200 }, (_, i) => makePatient(i)),
  );
  usb = mkdtempSync(path.join(os.tmpdir(), 'clinic-usb-'));
});

afterAll(() => {
  world.close();
  rmSync(usb, { recursive: true, force: true });
});

function countPatients(file: string): number {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare<[], number>('SELECT count(*) FROM patients').pluck().get() ?? 0;
  } finally {
    db.close();
  }
}

// Each command is a fresh tsx process: seconds each on a loaded machine.
const SLOW = 300_000;

describe('backup commands', () => {
  it(
    'backs up to a folder, then restores into a fresh folder; progress on stderr',
    () => {
      const made = cli(['backup', '--data-dir', world.dataDir, '--to', usb]);
      expect(made.stderr).toContain('读回检查');
      expect(made.status).toBe(0);
      const [file] = readdirSync(usb);
      expect(file).toMatch(/^clinic-qingshan-\d{8}-\d{6}-W01\.tcbak$/);
      const fresh = mkdtempSync(path.join(os.tmpdir(), 'clinic-restore-'));
      try {
        const restored = cli(['restore-backup', '--data-dir', fresh, '--from', path.join(usb, file), '--workstation', 'W02']);
        expect(restored.stderr).toContain('完整性检查');
        expect(restored.status).toBe(0);
        expect(countPatients(path.join(fresh, DATABASE_FILE))).toBe(200);
        const wrong = cli(['restore-backup', '--data-dir', fresh, '--from', path.join(usb, file)], 'wrong passphrase');
        expect(wrong.status).toBe(1);
        expect(wrong.stderr).toContain('备份口令不对');
      } finally {
        rmSync(fresh, { recursive: true, force: true });
      }
    },
    SLOW,
  );

  it(
    'says plainly that the USB drive is not plugged in, and creates no folder',
    () => {
      const missing = path.join(usb, 'not-plugged-in');
      const run = cli(['backup', '--data-dir', world.dataDir, '--to', missing]);
      expect(run.status).toBe(1);
      expect(run.stderr).toContain('备份盘未插入：请插入U盘后点「立即备份」');
      expect(readdirSync(usb)).not.toContain('not-plugged-in');
    },
    SLOW,
  );

  it(
    'a backup taken while another process writes continuously is consistent and holds everything committed before it',
    async () => {
      const live = path.join(world.dataDir, DATABASE_FILE);
      const writer = spawn(process.execPath, ['--import', 'tsx', 'electron/services/backup/testing/steady-writer.ts', live], {
        cwd: ROOT,
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      let committed = 0;
      writer.stdout.on('data', (chunk: Buffer) => {
        const lines = chunk.toString().trim().split('\n');
        committed = Number(lines[lines.length - 1]);
      });
      try {
        // The writer has started (tsx takes a while on a busy machine) and committed a good many.
        for (let waited = 0; committed < 200 && waited < 120_000; waited += 100) await new Promise((resolve) => setTimeout(resolve, 100));
        const before = committed;
        expect(before).toBeGreaterThan(0);
        const made = cli(['backup', '--data-dir', world.dataDir, '--to', usb, '--keep-daily', '30']);
        expect(made.status).toBe(0);
        const newest = readdirSync(usb).sort().at(-1) ?? '';
        const fresh = mkdtempSync(path.join(os.tmpdir(), 'clinic-restore-'));
        try {
          expect(cli(['restore-backup', '--data-dir', fresh, '--from', path.join(usb, newest)]).status).toBe(0);
          const db = new Database(path.join(fresh, DATABASE_FILE), { readonly: true });
          const numbers = db
            .prepare<[], string>("SELECT name FROM patients WHERE name LIKE '写入者%'")
            .pluck()
            .all()
            .map((name) => Number(name.slice(3)));
          const rows = numbers.length;
          const max = Math.max(...numbers);
          expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
          db.close();
          // Every row the writer had committed when the backup began is there, with no gap.
          expect(rows).toBeGreaterThanOrEqual(before);
          expect(rows).toBe(max);
          // The writer went on while the backup ran (its lines are read once the event loop is free again).
          await new Promise((resolve) => setTimeout(resolve, 500));
          expect(committed).toBeGreaterThan(before);
        } finally {
          rmSync(fresh, { recursive: true, force: true });
        }
      } finally {
        writer.kill('SIGKILL');
      }
    },
    SLOW,
  );
});
