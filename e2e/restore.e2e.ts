/**
 * Scenario 6 on the first-run screen: a clinic has synced to the county (a real CouchDB-protocol
 * server process); a replacement PC (browser mode on an empty data folder) takes the restore path,
 * is told plainly that the password is wrong, then restores with the right one, shows the progress
 * and the result, and the staff log in with their old accounts and find the patients.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_ADMIN, TEST_SETUP } from '../electron/app/testing';
import type { PeerServer } from '../electron/sync/testing/peer-server/start';
import { invoke } from './support/api';
import { openBrowser, screenshot, type BrowserSession } from './support/browser';
import { COUNTY_CLINIC_CODE, COUNTY_SYNC_PASSWORD, OLD_PC_REGISTRAR, startCountyWithClinic } from './support/county';
import { startClinicServer, type ClinicServer } from './support/server';
import { HomePage } from './pages/home.page';
import { LoginPage } from './pages/login.page';
import { RegistrationPage } from './pages/registration.page';
import { RestorePage } from './pages/restore.page';
import { SetupWizardPage } from './pages/setup-wizard.page';

const CODE = COUNTY_CLINIC_CODE;
const SYNC_PASSWORD = COUNTY_SYNC_PASSWORD;
const REGISTRAR = OLD_PC_REGISTRAR;
const PATIENTS = ['王秀英', '李建国', '张桂兰'];

describe('首次运行: restore a replacement PC from the county', () => {
  let peer: PeerServer;
  let server: ClinicServer;
  let browser: BrowserSession;
  let restore: RestorePage;

  beforeAll(async () => {
    // The old PC synced to the county, then "died".
    peer = await startCountyWithClinic(PATIENTS);

    server = await startClinicServer();
    browser = await openBrowser();
    restore = new RestorePage(browser.page);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await peer?.stop();
  });

  it('offers the restore path on the first screen and checks the form in Chinese', async () => {
    const { page } = browser;
    const wizard = new SetupWizardPage(page);
    await page.goto(server.url);
    await wizard.heading().waitFor();
    // The new-clinic path stays the default: the cursor waits in its first field.
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest('[data-field]')?.getAttribute('data-field'))).toBe('clinic.name');
    await screenshot(page, '60-setup-paths');

    await restore.chooseWithKeyboard();
    await expect.poll(() => restore.focusedField()).toBe('serverUrl');
    expect(await restore.field('workstationId').inputValue()).toBe('W01');
    expect(await restore.field('password').getAttribute('type')).toBe('password');

    // Enter walks to the end and, with nothing filled in, says what is missing next to each field.
    for (let i = 0; i < 4; i += 1) await page.keyboard.press('Enter');
    await expect.poll(() => restore.error('serverUrl').textContent()).toBe('请填写县级服务器地址');
    expect(await restore.error('clinicCode').textContent()).toBe('请填写机构编码');
    expect(await restore.error('password').textContent()).toBe('请填写同步密码');
    await expect.poll(() => restore.focusedField()).toBe('serverUrl');

    await restore.field('serverUrl').fill('county.example.cn');
    await restore.startWithEnter();
    await expect.poll(() => restore.error('serverUrl').textContent()).toContain('县级服务器地址');
    await screenshot(page, '61-restore-form-errors');

    // Esc goes back to setting up a new clinic; the restore path is one click away again.
    await page.keyboard.press('Escape');
    await expect.poll(() => wizard.currentStep()).toBe('clinic');
    await restore.choose();
  });

  it('after 连不上县级平台 offers 重试 and 返回修改, and does not claim data is safe on a PC that has none', async () => {
    // A mistyped port: nothing listens there, so the connection is refused at once.
    const wrongAddress = 'http://127.0.0.1:1';
    await restore.fill({ serverUrl: wrongAddress, clinicCode: CODE, password: SYNC_PASSWORD, workstationId: 'W02' });
    await restore.startWithEnter();
    await expect.poll(() => restore.state()).toBe('failed');
    expect(await restore.failure().getAttribute('data-code')).toBe('SYNC_HOST_UNREACHABLE');
    const said = await restore.failure().textContent();
    expect(said).not.toContain('数据已安全保存在本机');
    expect(said).toContain('这台电脑上还没有本院的任何数据');
    expect(said).toContain('服务器地址可能填错了');
    await screenshot(browser.page, '61b-restore-unreachable');

    // 重试 sends the same again and fails the same way; 返回修改 brings the form back as typed, the cursor on the address.
    await restore.retry();
    await expect.poll(() => restore.state()).toBe('failed');
    await restore.editAgain();
    await expect.poll(() => restore.focusedField()).toBe('serverUrl');
    expect(await restore.field('serverUrl').inputValue()).toBe(wrongAddress);
    expect(await restore.field('clinicCode').inputValue()).toBe(CODE);
    expect(await restore.field('password').inputValue()).toBe(SYNC_PASSWORD);
  });

  it('says plainly when the password is wrong, and keeps what was typed for the retry', async () => {
    await restore.fill({ serverUrl: peer.url, clinicCode: CODE.toUpperCase(), password: 'not-the-password', workstationId: 'W02' });
    expect(await restore.field('clinicCode').inputValue()).toBe(CODE);
    await restore.startWithEnter();
    await expect.poll(() => restore.state()).toBe('failed');
    expect(await restore.failure().getAttribute('data-code')).toBe('SYNC_AUTH_FAILED');
    expect(await restore.failure().textContent()).toMatch(/密码/);
    await screenshot(browser.page, '62-restore-failed');
    // A wrong password is not cured by waiting: only 返回修改 is offered.
    expect(await browser.page.getByRole('button', { name: '重试' }).count()).toBe(0);

    await restore.editAgain();
    expect(await restore.field('serverUrl').inputValue()).toBe(peer.url);
    expect(await restore.field('clinicCode').inputValue()).toBe(CODE);
    expect(await restore.field('workstationId').inputValue()).toBe('W02');
    // The password is kept too (hidden), with the cursor on it and its text selected: typing replaces it.
    await expect.poll(() => restore.focusedField()).toBe('password');
    expect(await restore.field('password').inputValue()).toBe('not-the-password');
  });

  it('restores with the right password, shows progress and the result, then goes to login', async () => {
    const { page } = browser;
    await page.keyboard.type(SYNC_PASSWORD);
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await expect.poll(() => restore.state()).not.toBe(null);
    await screenshot(page, '63-restore-progress');
    await expect.poll(() => restore.state(), { timeout: 60_000 }).toBe('done');
    const line = await restore.done().textContent();
    expect(line).toContain(TEST_SETUP.clinic.name);
    const restoredDocs = Number(/已恢复 ([\d,]+) 份文档/.exec(line ?? '')?.[1].replace(/,/g, ''));
    expect(restoredDocs).toBeGreaterThanOrEqual(PATIENTS.length + 2);
    await screenshot(page, '64-restore-done');

    await restore.goToLogin();
    const login = new LoginPage(page);
    await expect.poll(() => login.clinicName().textContent()).toBe(TEST_SETUP.clinic.name);
    await login.login(TEST_ADMIN.username, TEST_ADMIN.password);
    const home = new HomePage(page);
    await expect.poll(() => home.clinicName().textContent()).toBe(TEST_SETUP.clinic.name);
    await expect.poll(() => home.statusSlot('user').textContent()).toContain(TEST_ADMIN.displayName);
    await expect.poll(() => home.statusSlot('workstation').textContent()).toContain('W02');
    await screenshot(page, '65-restore-home');

    // The nightly sync goes on with the county database and the password given.
    const session = (await invoke(server, 'auth.login', { username: TEST_ADMIN.username, password: TEST_ADMIN.password })).sessionToken;
    expect(await invoke(server, 'sync.getSettings', {}, session)).toMatchObject({ database: `clinic_${CODE}`, passwordSet: true });
  });

  it('lets the registrar find a restored patient at 挂号', async () => {
    const home = new HomePage(browser.page);
    await home.logout();
    await new LoginPage(browser.page).login(REGISTRAR.username, REGISTRAR.password);
    const reg = new RegistrationPage(browser.page);
    await reg.waitForScreen();
    await reg.search(PATIENTS[0]);
    await expect.poll(() => reg.results().first().textContent()).toContain(PATIENTS[0]);
    await screenshot(browser.page, '66-restore-registration-search');
  });

  it('ran without errors in the page', () => {
    expect(browser.pageErrors).toEqual([]);
  });
});
