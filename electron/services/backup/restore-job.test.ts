/**
 * The two restores through the router: at first run on an empty PC, and from 管理 over a set-up PC
 * (typed confirmation, this clinic's backups only, everyone logged out, the restore in the audit chain).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makePatient, putDocs } from '../../../db/testing/fixtures';
import { openTestApp, TEST_ADMIN } from '../../app/testing';
import { backupOf } from './testing/backup-of';

const PASSPHRASE = 'router-口令-2026';
let source: Awaited<ReturnType<typeof openTestApp>>;
let usb: string;
let file: string;

beforeAll(async () => {
  source = await openTestApp({ initialized: true });
  putDocs(source.app.context.data.store, [makePatient(1, { name: '备份前' })]);
  usb = mkdtempSync(path.join(os.tmpdir(), 'clinic-usb-'));
  file = await backupOf(source.dataDir, usb, PASSPHRASE);
});

afterAll(() => {
  source.close();
  rmSync(usb, { recursive: true, force: true });
});

describe('restore through the router', () => {
  it('at first run: a wrong passphrase fails with nothing set up; the right one sets the PC up as the clinic', async () => {
    const fresh = await openTestApp();
    try {
      const listed = await fresh.call('backup.findBackups', { folder: usb });
      expect(listed.ok && listed.value.backups.map((b) => [b.clinicName, b.workstation])).toEqual([['青山镇卫生院', 'W01']]);
      const wrong = await fresh.call('backup.restoreAtFirstRun', { file, passphrase: 'nope-nope' });
      expect(wrong.ok).toBe(true);
      await fresh.app.context.backupRestore.settled();
      expect(fresh.app.context.backupRestore.status()).toMatchObject({ state: 'failed', error: { code: 'BACKUP_WRONG_PASSPHRASE' } });
      expect(await fresh.call('setup.status', {})).toMatchObject({ ok: true, value: { initialized: false } });

      await fresh.call('backup.restoreAtFirstRun', { file, passphrase: PASSPHRASE, workstationId: 'W07' });
      await fresh.app.context.backupRestore.settled();
      expect(fresh.app.context.backupRestore.status()).toMatchObject({ state: 'done', clinicName: '青山镇卫生院' });
      const login = await fresh.call('auth.login', { username: TEST_ADMIN.username, password: TEST_ADMIN.password });
      expect(login.ok).toBe(true);
      expect(fresh.app.context.data.meta.get('workstation_id')).toBe('W07');
      // The passphrase came back sealed for this PC: the daily backup can go on.
      const settings = login.ok ? await fresh.call('backup.getSettings', {}, login.value.sessionToken) : null;
      expect(settings?.ok && settings.value.passphraseSet && !settings.value.passphraseUnreadable).toBe(true);
    } finally {
      fresh.close();
    }
  });

  it('from 管理: needs the typed confirmation, replaces the data, logs everyone out, and records itself', async () => {
    const pc = await openTestApp({ initialized: true });
    try {
      putDocs(pc.app.context.data.store, [makePatient(2, { name: '备份后' })]);
      const unconfirmed = await pc.call('backup.restore', { file, passphrase: PASSPHRASE, confirm: '确定' as never }, pc.adminSession);
      expect(unconfirmed.ok).toBe(false);
      const started = await pc.call('backup.restore', { file, passphrase: PASSPHRASE, confirm: '覆盖本机数据' }, pc.adminSession);
      expect(started.ok).toBe(true);
      await pc.app.context.backupRestore.settled();
      expect(pc.app.context.backupRestore.status().state).toBe('done');
      const names = pc.app.context.data.store.changes({ includeDocs: true }).results.map((r) => r.doc?.name);
      expect(names).toContain('备份前');
      expect(names).not.toContain('备份后');
      const again = await pc.call('backup.status', {}, pc.adminSession);
      expect(again.ok).toBe(false);
      const audit = pc.app.context.data.store.changes({ includeDocs: true }).results.filter((r) => r.doc?.action === 'backup.restore');
      expect(audit).toHaveLength(1);
    } finally {
      pc.close();
    }
  });
});
