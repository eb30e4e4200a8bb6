/**
 * The 同步 screen as an administrator found it at 1366×768 on a PC whose clock zone is UTC: the badge
 * agrees with 上次成功, the nightly window is typed as a 24-hour time, failed runs show in the chart,
 * times are the clinic's, and the database size in the summary is the one 整理 reports.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clinicWhen } from '../shared/time/clinic-time';
import { openLoggedIn } from './pages/login.page';
import { SyncPage } from './pages/sync.page';
import { invoke, setUpClinic, TEST_CLINIC } from './support/api';
import { screenshot, type BrowserSession } from './support/browser';
import { startClinicServer, type ClinicServer } from './support/server';
import { windowAhead } from './support/window-ahead';

/** Nothing listens on port 1: each run fails at once with 连不上县级平台. */
const UNREACHABLE = 'http://127.0.0.1:1';

describe('同步 screen: badge, 24-hour window, failed runs, clinic time, database size', () => {
  let server: ClinicServer;
  let browser: BrowserSession;
  let sync: SyncPage;
  let session = '';

  beforeAll(async () => {
    server = await startClinicServer({ env: { TZ: 'UTC' } });
    await setUpClinic(server);
    session = (await invoke(server, 'auth.login', { username: TEST_CLINIC.adminUsername, password: TEST_CLINIC.adminPassword })).sessionToken;
    browser = await openLoggedIn(server, TEST_CLINIC.adminUsername, TEST_CLINIC.adminPassword);
    sync = new SyncPage(browser.page);
    await sync.open();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('does not say 正常 before any run has succeeded, and takes the window as a 24-hour time', async () => {
    await expect.poll(() => sync.state().textContent()).toBe('未设置');
    expect(await sync.settingsField('window.start').getAttribute('type')).toBe('text');
    expect(await sync.settingsField('window.start').inputValue()).toBe('01:00');
    const window = windowAhead();
    await sync.settingsField('window.start').fill(window.start);
    await sync.settingsField('window.end').fill(window.end);
    await sync.configure({ serverUrl: UNREACHABLE, password: 'e2e-county-sync-2026' });
    await expect.poll(() => sync.settings().getByTestId('notice').textContent()).toContain('已保存');
    expect(await sync.settingsField('window.start').inputValue()).toBe(window.start);
    await expect.poll(() => sync.state().textContent()).toBe('尚未同步');
    expect(await sync.fact('last-success').textContent()).toBe('从未成功');
  });

  it('shows failed runs in the chart and the history, at the clinic’s time', async () => {
    await sync.syncNow();
    await expect.poll(() => sync.historyRows().count()).toBeGreaterThanOrEqual(1);
    await expect.poll(() => sync.overview().getByRole('button', { name: '立即同步' }).isEnabled()).toBe(true);
    await sync.syncNow();
    await expect.poll(() => sync.historyRows().count()).toBeGreaterThanOrEqual(2);
    expect(await sync.historyRows().first().getAttribute('data-outcome')).toBe('error');
    await expect.poll(() => sync.chart().getAttribute('data-failed')).not.toBe('0');
    const failed = Number(await sync.chart().getAttribute('data-failed'));
    expect(failed).toBeGreaterThanOrEqual(2);
    expect(await sync.chartSummary().textContent()).toContain(`失败 ${failed} 次`);
    expect(await sync.state().textContent()).not.toBe('正常');
    expect(await sync.fact('last-success').textContent()).toBe('从未成功');

    const { runs } = await invoke(server, 'sync.history', { limit: 30 }, session);
    expect(await sync.historyRows().first().locator('td').first().textContent()).toBe(clinicWhen(runs[0].startedAt));
    await sync.page.getByTestId('sync-history').scrollIntoViewIfNeeded();
    await screenshot(browser.page, '73-sync-failed-runs', { fullPage: false });
  });

  it('gives the database size in the summary as 整理 reports it', async () => {
    await sync.compact();
    const notice = sync.storage().getByTestId('notice');
    await expect.poll(() => notice.textContent()).toContain('整理完成');
    const [, after] = /→ ([\d.]+ [KMG]B)/.exec((await notice.textContent()) ?? '') ?? [];
    expect(after).toBeDefined();
    await expect.poll(() => sync.fact('database-size').textContent()).toBe(after);
  });

  it('ran without errors in the page', () => {
    expect(browser.pageErrors).toEqual([]);
  });
});
