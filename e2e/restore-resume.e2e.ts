/**
 * A restore outlives the window that started it: reloaded (or opened again) mid-restore, the
 * first-run screen shows the restore's progress rather than an empty wizard, and ends at login.
 * The county is reached through a slow line (a delaying TCP proxy) so the restore is still running
 * when the page comes back.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_ADMIN, TEST_SETUP } from '../electron/app/testing';
import type { PeerServer } from '../electron/sync/testing/peer-server/start';
import { startFaultProxy, type FaultProxy } from '../electron/sync/testing/fault-proxy';
import { openBrowser, screenshot, type BrowserSession } from './support/browser';
import { COUNTY_CLINIC_CODE, COUNTY_SYNC_PASSWORD, startCountyWithClinic } from './support/county';
import { startClinicServer, type ClinicServer } from './support/server';
import { HomePage } from './pages/home.page';
import { LoginPage } from './pages/login.page';
import { RestorePage } from './pages/restore.page';
import { SetupWizardPage } from './pages/setup-wizard.page';

describe('首次运行: a restore survives a reload of the window', () => {
  let peer: PeerServer;
  let slowLine: FaultProxy;
  let server: ClinicServer;
  let browser: BrowserSession;

  beforeAll(async () => {
    peer = await startCountyWithClinic(['刘桂芳', '陈国强']);
    slowLine = await startFaultProxy({ target: { host: '127.0.0.1', port: peer.port }, seed: 11, mode: { kind: 'pass', maxDelayMs: 900 } });
    server = await startClinicServer();
    browser = await openBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await slowLine?.close();
    await peer?.stop();
  });

  it('shows the running restore after a reload, then goes on to login', async () => {
    const { page } = browser;
    const wizard = new SetupWizardPage(page);
    const restore = new RestorePage(page);
    await page.goto(server.url);
    await wizard.heading().waitFor();
    await restore.choose();
    await restore.fill({ serverUrl: slowLine.url, clinicCode: COUNTY_CLINIC_CODE, password: COUNTY_SYNC_PASSWORD });
    await restore.startWithEnter();
    await expect.poll(() => restore.state()).toBe('running');

    await page.reload();
    // Straight back to the progress, not to an empty wizard.
    await expect.poll(() => restore.state()).toBe('running');
    expect(await restore.form().count()).toBe(0);
    await screenshot(page, '67-restore-resumed-after-reload');

    await expect.poll(() => restore.state(), { timeout: 90_000 }).toBe('done');
    await restore.goToLogin();
    const login = new LoginPage(page);
    await expect.poll(() => login.clinicName().textContent()).toBe(TEST_SETUP.clinic.name);
    await login.login(TEST_ADMIN.username, TEST_ADMIN.password);
    await expect.poll(() => new HomePage(page).clinicName().textContent()).toBe(TEST_SETUP.clinic.name);
    expect(slowLine.stats().connections).toBeGreaterThan(0);
  }, 120_000);

  it('ran without errors in the page', () => {
    expect(browser.pageErrors).toEqual([]);
  });
});
