/**
 * 加入本院 in browser mode, two app instances: the hub (set up, hub mode on 127.0.0.1 with a free
 * port) and a new PC on an empty data folder. The hub's administrator shows a pairing code in
 * 管理 → 本院主机; the new PC takes 加入本院, is told plainly that a wrong code is wrong, pairs with
 * the right one, pulls the centre's record and ends at the login with the centre's accounts.
 * From then on the two replicate live over HTTPS with the pinned certificate: a registration on
 * either shows on the other within seconds. The hub lists it, and revokes it after a confirmation.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invoke, setUpClinic, TEST_CLINIC } from './support/api';
import { openBrowser, screenshot, type BrowserSession } from './support/browser';
import { startClinicServer, type ClinicServer } from './support/server';
import { registerVisit } from './support/visits';
import { HomePage } from './pages/home.page';
import { HubPanelPage, JoinPage } from './pages/hub.page';
import { LoginPage } from './pages/login.page';
import { SetupWizardPage } from './pages/setup-wizard.page';

const REGISTRAR = { username: 'front', displayName: '赵挂号', password: 'Front2026ok' };

describe('本院主机 and 加入本院', () => {
  let hubServer: ClinicServer;
  let newServer: ClinicServer;
  let browser: BrowserSession;
  let hubAddress: string;

  beforeAll(async () => {
    [hubServer, newServer] = await Promise.all([startClinicServer(), startClinicServer()]);
    await setUpClinic(hubServer);
    const session = await invoke(hubServer, 'auth.login', { username: TEST_CLINIC.adminUsername, password: TEST_CLINIC.adminPassword });
    // Port 0 here (tests never take a fixed port); staff keep the default 6984 in the panel.
    // Staff accounts are the centre's: made on the hub, they reach the new PC with its record.
    await invoke(hubServer, 'admin.createUser', { ...REGISTRAR, roles: ['registrar'], departmentCodes: [] }, session.sessionToken);
    const hub = await invoke(hubServer, 'hub.enable', { host: '127.0.0.1', port: 0 }, session.sessionToken);
    hubAddress = `127.0.0.1:${hub.listeningPort}`;
    browser = await openBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await hubServer?.stop();
    await newServer?.stop();
  });

  it('pairs a new PC with the code and fingerprint the hub shows, and ends at the login', async () => {
    const hubPage = browser.page;
    await hubPage.goto(hubServer.url);
    await new LoginPage(hubPage).login(TEST_CLINIC.adminUsername, TEST_CLINIC.adminPassword);
    const panel = new HubPanelPage(hubPage);
    await panel.panel().waitFor();
    const code = await panel.newCode();
    expect(code).toMatch(/^\d{8}$/);
    const fingerprint = (await panel.fingerprint()) ?? '';
    await screenshot(hubPage, '90-hub-panel-code');

    const pcPage = await browser.context.newPage();
    await pcPage.goto(newServer.url);
    await new SetupWizardPage(pcPage).heading().waitFor();
    const join = new JoinPage(pcPage);
    await join.choose();
    await expect.poll(() => join.focusedField()).toBe('address');

    // The first 16 digits as a person reads them off the hub's screen: groups, lower case.
    const typed = fingerprint
      .replace(/:/g, '')
      .slice(0, 16)
      .toLowerCase()
      .replace(/(.{4})/g, '$1 ')
      .trim();
    const wrong = code === '00000000' ? '11111111' : '00000000';
    await join.fill({ address: hubAddress, code: wrong, fingerprint: typed, label: '挂号室 2' });
    await join.startWithEnter();
    await expect.poll(() => join.banner().textContent()).toContain('配对码不对');
    await expect.poll(() => join.focusedField()).toBe('code');
    await screenshot(pcPage, '91-join-wrong-code');

    await join.field('code').fill(code);
    await join.startWithEnter();
    await join.done().waitFor({ timeout: 60_000 });
    expect(await join.done().textContent()).toContain(TEST_CLINIC.name);
    await screenshot(pcPage, '92-join-done');
    await pcPage.getByRole('button', { name: '去登录' }).click();
    await new LoginPage(pcPage).login(TEST_CLINIC.adminUsername, TEST_CLINIC.adminPassword);
    await expect.poll(() => new HomePage(pcPage).clinicName().textContent()).toContain(TEST_CLINIC.name);
    expect(await new HomePage(pcPage).statusSlot('workstation').textContent()).toContain('W02');
  });

  it('carries a registration across the hub both ways within a few seconds, live', async () => {
    const [atHub, atPc] = await Promise.all(
      [hubServer, newServer].map(
        async (server) => (await invoke(server, 'auth.login', { username: REGISTRAR.username, password: REGISTRAR.password })).sessionToken,
      ),
    );
    await expect.poll(async () => (await invoke(newServer, 'lan.status', {}, atPc)).link.state, { timeout: 15_000 }).toBe('connected');
    const today = async (server: ClinicServer, session: string) => (await invoke(server, 'visits.listToday', {}, session)).visits.map((v) => v.visitNumber);

    const fromPc = await registerVisit(newServer, atPc, '王秀英');
    expect(fromPc).toMatch(/^W02-/);
    await expect.poll(() => today(hubServer, atHub), { timeout: 5_000, interval: 100 }).toContain(fromPc);
    const fromHub = await registerVisit(hubServer, atHub, '陈德明');
    await expect.poll(() => today(newServer, atPc), { timeout: 5_000, interval: 100 }).toContain(fromHub);
  });

  it('lists the workstation on the hub and revokes it after a confirmation', async () => {
    const panel = new HubPanelPage(browser.page);
    await panel.row('W02').waitFor({ timeout: 15_000 });
    expect(await panel.row('W02').textContent()).toContain('挂号室 2');
    await panel.revoke('W02');
    await expect.poll(() => panel.row('W02').textContent()).toContain('已停用');
    await screenshot(browser.page, '93-hub-revoked');
    expect(browser.pageErrors).toEqual([]);
  });
});
