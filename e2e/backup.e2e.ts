/**
 * Scenario 6 without the county: 管理 → 备份与恢复 backs the clinic up to a folder (a USB drive);
 * a fresh instance restores it from the first-run screen with the passphrase (a wrong one is refused
 * first, with nothing changed), and the registrar finds a patient at 挂号.
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { residentForm } from '../electron/ipc/testing/registration-fixtures';
import { invoke, setUpClinic, TEST_CLINIC } from './support/api';
import { openBrowser, screenshot, type BrowserSession } from './support/browser';
import { startClinicServer, type ClinicServer } from './support/server';
import { BackupPanelPage, BackupRestorePage } from './pages/backup.page';
import { HomePage } from './pages/home.page';
import { LoginPage, openLoggedIn } from './pages/login.page';
import { RegistrationPage } from './pages/registration.page';

const PASSPHRASE = 'U盘口令-2026-东乡';
const REGISTRAR = { username: 'front', displayName: '赵挂号', password: 'Front2026ok' } as const;
const PATIENT = '钱秀英';

describe('备份与恢复: back up from 管理, restore a fresh PC from the first-run screen', () => {
  let usb: string;
  let oldPc: ClinicServer;
  let newPc: ClinicServer;
  let browser: BrowserSession;

  beforeAll(async () => {
    usb = await mkdtemp(path.join(tmpdir(), 'clinic-e2e-usb-'));
    oldPc = await startClinicServer();
    await setUpClinic(oldPc);
    const admin = (await invoke(oldPc, 'auth.login', { username: TEST_CLINIC.adminUsername, password: TEST_CLINIC.adminPassword })).sessionToken;
    await invoke(oldPc, 'admin.createUser', { ...REGISTRAR, roles: ['registrar'], departmentCodes: [] }, admin);
    const desk = (await invoke(oldPc, 'auth.login', { username: REGISTRAR.username, password: REGISTRAR.password })).sessionToken;
    await invoke(
      oldPc,
      'patients.register',
      { patient: { ...residentForm(PATIENT, '1958-04-12', 7), cards: [], allergies: [] }, acknowledgedDuplicates: true },
      desk,
    );
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await oldPc?.stop();
    await newPc?.stop();
    await rm(usb, { recursive: true, force: true });
  });

  it('管理 → 备份与恢复: a missing drive is said plainly; then 立即备份 writes one checked backup', async () => {
    browser = await openLoggedIn(oldPc, TEST_CLINIC.adminUsername, TEST_CLINIC.adminPassword);
    const { page } = browser;
    await new HomePage(page).navButton('admin').click();
    const panel = new BackupPanelPage(page);
    await panel.panel().waitFor();

    await panel.save({ folder: path.join(usb, '未插入的U盘'), time: '12:30', passphrase: PASSPHRASE });
    await expect.poll(() => panel.nextAt().textContent()).toContain('下次自动备份');
    await panel.runNow();
    await expect.poll(() => panel.historyRows().count(), { timeout: 60_000 }).toBe(1);
    expect(await panel.historyRows().first().getAttribute('data-ok')).toBe('false');
    expect(await panel.historyRows().first().textContent()).toContain('备份盘未插入：请插入U盘后点「立即备份」');

    await panel.field('folder').fill(usb);
    await panel.settings().getByRole('button', { name: '保存设置' }).click();
    await expect.poll(() => panel.panel().getByText('备份设置已保存。').count()).toBe(1);
    await panel.runNow();
    await expect.poll(() => panel.historyRows().count(), { timeout: 120_000 }).toBe(2);
    await expect.poll(() => panel.historyRows().first().getAttribute('data-ok')).toBe('true');
    expect(await panel.historyRows().first().textContent()).toContain('读回检查通过');
    const files = (await readdir(usb)).filter((name) => name.endsWith('.tcbak'));
    expect(files).toHaveLength(1);
    await screenshot(page, '90-backup-panel');
    await browser.close();
  }, 240_000);

  it('a fresh PC refuses a wrong passphrase, then restores with the right one and goes to login', async () => {
    newPc = await startClinicServer();
    browser = await openBrowser();
    const { page } = browser;
    await page.goto(newPc.url);
    const restore = new BackupRestorePage(page);
    await restore.choose();
    await restore.find(usb);
    expect(await restore.choice().locator('option').first().textContent()).toContain(TEST_CLINIC.name);

    await restore.start('not-the-passphrase');
    await expect.poll(() => restore.state(), { timeout: 60_000 }).toBe('failed');
    expect(await restore.failure().textContent()).toContain('备份口令不对');
    expect(await restore.failure().textContent()).toContain('本机数据没有任何改动');
    expect((await invoke(newPc, 'setup.status', {})).initialized).toBe(false);
    await screenshot(page, '91-backup-restore-refused');

    await restore.tryAgain();
    // The form comes back with the backup still listed and chosen.
    await restore.choice().waitFor();
    await restore.start(PASSPHRASE, 'W02');
    await expect.poll(() => restore.state(), { timeout: 120_000 }).toBe('done');
    expect(await restore.progress().textContent()).toContain(TEST_CLINIC.name);
    await screenshot(page, '92-backup-restore-done');
    await restore.goToLogin();
    await new LoginPage(page).login(REGISTRAR.username, REGISTRAR.password);
    const home = new HomePage(page);
    await expect.poll(() => home.statusSlot('workstation').textContent()).toContain('W02');
  }, 240_000);

  it('the registrar finds the restored patient at 挂号', async () => {
    const reg = new RegistrationPage(browser.page);
    await reg.waitForScreen();
    await reg.search(PATIENT);
    await expect.poll(() => reg.results().first().textContent()).toContain(PATIENT);
    await screenshot(browser.page, '93-backup-restore-registration');
  });

  it('ran without errors in the page', () => {
    expect(browser.pageErrors).toEqual([]);
  });
});
