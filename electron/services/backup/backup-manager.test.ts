/**
 * The schedule and the record: the daily backup runs at the set time by the clinic's clock, a missing
 * drive is a failed run said plainly (and tried again the next day), the passphrase is never in the
 * database in plain text.
 */
import Database from 'better-sqlite3';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FakeClock } from '../../../shared/time/testing/fake-clock';
import { DATABASE_FILE } from '../../app/clinic-app';
import { openTestApp } from '../../app/testing';
import { keyFileSecretBox } from '../../security/secret-box';
import { BackupManager } from './backup-manager';

const PASSPHRASE = 'daily-口令-2026';
const opened: Array<{ close(): void }> = [];
afterEach(() => {
  for (const item of opened.splice(0)) item.close();
});

async function managerWithClock(startIso: string) {
  const world = await openTestApp({ initialized: true });
  opened.push(world);
  const clock = new FakeClock(Date.parse(startIso));
  const manager = new BackupManager({
    data: world.app.context.data,
    liveFile: path.join(world.dataDir, DATABASE_FILE),
    secrets: keyFileSecretBox(world.dataDir),
    version: 'test',
    clinic: () => ({ code: 'qingshan', name: '青山镇卫生院' }),
    clock,
  });
  opened.push({ close: () => manager.stop() });
  return { world, clock, manager };
}

describe('BackupManager', () => {
  it('runs daily at the set time by the clinic clock; a missing drive fails plainly and the next day tries again', async () => {
    const usb = mkdtempSync(path.join(os.tmpdir(), 'clinic-usb-'));
    opened.push({ close: () => rmSync(usb, { recursive: true, force: true }) });
    const missing = path.join(usb, 'E盘');
    // 20:00 UTC = 04:00 the next day in Shanghai; 12:30 Shanghai is 04:30 UTC.
    const { world, clock, manager } = await managerWithClock('2026-12-02T20:00:00Z');
    manager.start();
    manager.save({ folder: missing, time: '12:30', keepDaily: 7, keepWeekly: 4, passphrase: PASSPHRASE });
    expect(manager.status().nextAt).toBe('2026-12-03T04:30:00.000Z');

    clock.advance(Date.parse('2026-12-03T04:30:00Z') - clock.now());
    await expect.poll(() => manager.status().history.length).toBe(1);
    const [failed] = manager.status().history;
    expect(failed).toMatchObject({ ok: false, trigger: 'scheduled' });
    expect(failed.message).toBe('备份盘未插入：请插入U盘后点「立即备份」。');
    expect(readdirSync(usb)).toEqual([]);
    await expect.poll(() => manager.status().nextAt).toBe('2026-12-04T04:30:00.000Z');

    manager.save({ folder: usb, time: '12:30', keepDaily: 7, keepWeekly: 4 });
    const run = await manager.run('manual');
    expect(run).toMatchObject({ ok: true, trigger: 'manual' });
    expect(readdirSync(usb)).toEqual([path.basename(run.file)]);
    expect(run.file).toMatch(/clinic-qingshan-20261203-123000-W01\.tcbak$/);
    expect(manager.status().history.map((r) => r.ok)).toEqual([true, false]);

    // The passphrase is in the database only sealed.
    const db = new Database(path.join(world.dataDir, DATABASE_FILE), { readonly: true });
    const meta = db.prepare<[], string>('SELECT value FROM meta').pluck().all().join('\n');
    db.close();
    expect(meta).toContain('sealed:v1:key-file:');
    expect(meta).not.toContain(PASSPHRASE);
  });

  it('refuses 立即备份 before a folder and a passphrase are set', async () => {
    const { manager } = await managerWithClock('2026-12-02T20:00:00Z');
    expect(() => manager.runNow()).toThrow('还没有设置备份文件夹');
    expect(() => manager.save({ folder: '/tmp', time: '12:30', keepDaily: 7, keepWeekly: 4 })).toThrow('请设置备份口令');
  });
});
