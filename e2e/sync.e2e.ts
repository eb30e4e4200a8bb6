/**
 * 同步 in browser mode against a CouchDB-protocol server the test starts: configure, 立即同步,
 * success and the history chart; then a department edited in two places shows up in the conflict
 * inbox and is settled field by field, and the settlement reaches the county.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { couchAdmin, type CouchAdmin } from '../electron/sync/couch-admin';
import { countySetup } from '../electron/sync/county-setup';
import { startPeerServer, type PeerServer } from '../electron/sync/testing/peer-server/start';
import { HomePage } from './pages/home.page';
import { LoginPage } from './pages/login.page';
import { SyncPage } from './pages/sync.page';
import { setUpClinic, TEST_CLINIC } from './support/api';
import { openBrowser, screenshot, type BrowserSession } from './support/browser';
import { startClinicServer, type ClinicServer } from './support/server';

const DATABASE = `clinic_${TEST_CLINIC.code}`;
const SYNC_PASSWORD = 'e2e-county-sync-2026';

describe('同步: settings, 立即同步, history chart, conflict inbox', () => {
  let peer: PeerServer;
  let county: CouchAdmin;
  let server: ClinicServer;
  let browser: BrowserSession;
  let sync: SyncPage;

  beforeAll(async () => {
    [peer, server] = await Promise.all([startPeerServer(), startClinicServer()]);
    county = couchAdmin({ serverUrl: peer.url, user: peer.admin.user, password: peer.admin.password });
    await countySetup({
      serverUrl: peer.url,
      adminUser: peer.admin.user,
      adminPassword: peer.admin.password,
      clinicCode: TEST_CLINIC.code,
      clinicPassword: SYNC_PASSWORD,
    });
    await setUpClinic(server);
    browser = await openBrowser();
    sync = new SyncPage(browser.page);
    await browser.page.goto(server.url);
    await new LoginPage(browser.page).login(TEST_CLINIC.adminUsername, TEST_CLINIC.adminPassword);
    await sync.open();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await peer?.stop();
  });

  it('configures the county server, says so when the password is wrong, syncs now, shows success and the chart', async () => {
    await expect.poll(() => sync.state().textContent()).toBe('未设置');
    expect(await sync.settingsField('database').inputValue()).toBe(DATABASE);

    // A mistyped password: the run fails, says why in plain words, and the chart marks it.
    await sync.configure({ serverUrl: peer.url, password: 'not-the-password' });
    await expect.poll(() => sync.settings().getByTestId('notice').textContent()).toContain('已保存');
    await sync.syncNow();
    await expect.poll(() => sync.historyRows().first().getAttribute('data-outcome')).toBe('error');
    await expect.poll(() => sync.syncError().textContent()).toContain('账号或密码');
    expect(await sync.historyRows().first().textContent()).toContain('账号或密码');
    await expect.poll(() => sync.chart().getAttribute('data-failed')).toBe('1');

    await sync.configure({ serverUrl: peer.url, password: SYNC_PASSWORD });
    await sync.syncNow();
    await expect.poll(() => sync.historyRows().first().getAttribute('data-outcome')).toBe('ok');
    await expect.poll(() => sync.state().textContent()).toBe('正常');
    await expect.poll(() => sync.fact('pending').textContent()).toBe('0 条');
    await expect.poll(() => sync.chart().getAttribute('data-runs')).toBe('2');
    expect(await sync.chart().locator('canvas').count()).toBeGreaterThan(0);
    await expect.poll(() => new HomePage(browser.page).statusSlot('sync').textContent()).toContain('待上传 0 条');
    expect((await county.request('GET', `/${DATABASE}/department:03`)).body.name).toBe('内科');
    await screenshot(browser.page, '40-sync-success');
  });

  it('shows a department edited in two places side by side and settles it field by field', async () => {
    // Two edits of the same revision reach the county (from two other workstations, say).
    const base = (await county.request('GET', `/${DATABASE}/department:03`)).body;
    const parent = String(base._rev).split('-')[1];
    const edit = (hash: string, changes: Record<string, unknown>) => ({
      ...base,
      ...changes,
      _rev: `2-${hash}`,
      _revisions: { start: 2, ids: [hash, parent] },
    });
    const written = await county.request('POST', `/${DATABASE}/_bulk_docs`, {
      new_edits: false,
      docs: [edit('a'.repeat(32), { name: '内科门诊', updated_by: 'desk2' }), edit('b'.repeat(32), { name: '大内科', outpatient: false, updated_by: 'desk3' })],
    });
    expect(written.status).toBe(201);

    await sync.syncNow();
    await sync.inboxItem('department:03').waitFor();
    await expect.poll(() => sync.fact('conflicts').textContent()).toBe('1 条待处理');
    await sync.openConflict('department:03');
    expect(await sync.fieldRow('name').getAttribute('data-differs')).toBe('true');
    expect(await sync.fieldRow('code').getAttribute('data-differs')).toBe('false');
    // The winner CouchDB picks (the higher revision id) is on the left: 大内科, not an outpatient department.
    expect(await sync.fieldCell('name', 0).textContent()).toBe('大内科');
    expect(await sync.fieldCell('name', 1).textContent()).toBe('内科门诊');
    await screenshot(browser.page, '41-sync-conflict');

    // The other side's name and outpatient flag; the rest as the winner has it.
    await sync.pick('name', 1);
    await sync.pick('outpatient', 1);
    await sync.saveChoice();
    await sync.inboxEmpty().waitFor();
    await expect.poll(() => sync.inbox().getByTestId('notice').textContent()).toContain('已处理');

    await sync.syncNow();
    await expect
      .poll(async () => (await county.request('GET', `/${DATABASE}/department:03?conflicts=true`)).body)
      .toMatchObject({ name: '内科门诊', outpatient: true });
    expect((await county.request('GET', `/${DATABASE}/department:03?conflicts=true`)).body._conflicts).toBeUndefined();
    await expect.poll(() => sync.chart().getAttribute('data-runs')).toBe('4');
  });

  it('ran without errors in the page', () => {
    expect(browser.pageErrors).toEqual([]);
  });
});
