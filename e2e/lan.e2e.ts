import Database from 'better-sqlite3';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CENTRE_ENDPOINTS, converged, describeLink, type CentreEndpoint, type Snapshot } from '../electron/lan/testing/centre';
import { clinicPassword } from '../electron/sync/testing/clinic-fixture';
import { invoke, setUpClinic, TEST_CLINIC } from './support/api';
import { openBrowser, screenshot, type BrowserSession } from './support/browser';
import { startClinicServer, type ClinicServer } from './support/server';
import { registerVisit } from './support/visits';
import { HomePage } from './pages/home.page';
import { LoginPage } from './pages/login.page';
import { RegistrationPage } from './pages/registration.page';

// One health centre, three PCs (front desk W01, a doctor's room W02, the record room W03), each its
// own browser-mode process with its own data folder, replicating live with the centre's endpoint:
// pouchdb-server (express-pouchdb) standing in for the centre's CouchDB, and the real CouchDB 3.5.

const CODE = TEST_CLINIC.code;
const REGISTRAR = { username: 'front', displayName: '赵挂号', password: 'Front2026ok' };
const PATIENTS = ['王秀英', '陈德明', '李桂兰', '张建华', '刘玉梅', '杨志强'];

/** Every document's winning revision in a PC's database file (read-only, beside the running app). */
function winners(server: ClinicServer): Snapshot {
  const db = new Database(path.join(server.dataDir, 'clinic.sqlite'), { readonly: true, fileMustExist: true });
  try {
    const rows = db.prepare("SELECT id, winning_rev, deleted FROM documents WHERE id NOT LIKE '\\_design/%' ESCAPE '\\'").all() as Array<{
      id: string;
      winning_rev: string;
      deleted: number;
    }>;
    return Object.fromEntries(rows.map((r) => [r.id, { winner: r.winning_rev, leaves: [], deleted: r.deleted === 1 }]));
  } finally {
    db.close();
  }
}

/** For set-up, where expect.poll is not allowed. */
async function waitUntil(check: () => Promise<boolean>, what: string, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

const onlyWinners = (snapshot: Snapshot): Snapshot =>
  Object.fromEntries(Object.entries(snapshot).map(([id, s]) => [id, { winner: s.winner, leaves: [], deleted: s.deleted }]));

describe.each(CENTRE_ENDPOINTS)('one centre, three PCs, live over the LAN ($name)', (choice) => {
  let centre: CentreEndpoint;
  const pcs: ClinicServer[] = [];
  let browser: BrowserSession;
  let sessions: string[] = [];

  const register = (pc: number, name: string, departmentCode = '03'): Promise<string> => registerVisit(pcs[pc], sessions[pc], name, departmentCode);

  beforeAll(async () => {
    centre = await choice.start();
    await centre.addCentre(CODE);
    const env = { CLINIC_LAN_URL: centre.url, CLINIC_LAN_PASSWORD: clinicPassword(CODE) };
    pcs.push(await startClinicServer({ env }));
    await setUpClinic(pcs[0]);
    const admin = await invoke(pcs[0], 'auth.login', { username: TEST_CLINIC.adminUsername, password: TEST_CLINIC.adminPassword });
    await invoke(pcs[0], 'admin.createUser', { ...REGISTRAR, roles: ['registrar'], departmentCodes: [] }, admin.sessionToken);
    // The link starts with the first status read; the first PC's records go up before the others join.
    await invoke(pcs[0], 'system.status', {}, admin.sessionToken);
    await waitUntil(async () => (await invoke(pcs[0], 'lan.status', {}, admin.sessionToken)).link.pendingChanges === 0, 'the first PC pushed', 30_000);
    for (const workstationId of ['W02', 'W03'] as const) {
      const pc = await startClinicServer({ env });
      pcs.push(pc);
      await invoke(pc, 'setup.restoreFromCounty', { serverUrl: centre.url, clinicCode: CODE, password: clinicPassword(CODE), workstationId });
      await waitUntil(async () => (await invoke(pc, 'setup.restoreStatus', {})).state === 'done', `${workstationId} joined`, 60_000);
    }
    // The same account logs in at every PC: users replicate.
    sessions = await Promise.all(
      pcs.map(async (pc) => (await invoke(pc, 'auth.login', { username: REGISTRAR.username, password: REGISTRAR.password })).sessionToken),
    );
    for (const [i, pc] of pcs.entries()) await invoke(pc, 'system.status', {}, sessions[i]);
    browser = await openBrowser();
    await browser.page.goto(pcs[1].url);
    await new LoginPage(browser.page).login(REGISTRAR.username, REGISTRAR.password);
    await new RegistrationPage(browser.page).todayList().waitFor();
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    for (const pc of pcs) await pc.stop();
    await centre?.stop();
  });

  it("shows a registration at the front desk in the doctor's room's today list within a second, without a reload", async () => {
    const reg = new RegistrationPage(browser.page);
    const home = new HomePage(browser.page);
    await expect.poll(() => home.statusBar().locator('[data-status="lan"]').textContent(), { timeout: 15_000 }).toContain('已连接');
    await browser.page.evaluate(() => Object.assign(window, { notReloaded: true }));

    const visitNumber = await register(0, PATIENTS[0]);
    const committed = Date.now();
    await reg.todayList().locator(`tbody tr[data-visit-number="${visitNumber}"]`).waitFor({ timeout: 5_000 });
    const shownAfter = Date.now() - committed;
    expect(shownAfter).toBeLessThan(1_000);
    expect(await browser.page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
    await screenshot(browser.page, `lan-today-list-${choice.name.replace(/\W+/g, '-')}`);
  });

  it('keeps both PCs registering and reading while the endpoint is down, and converges when it is back', async () => {
    const reg = new RegistrationPage(browser.page);
    const home = new HomePage(browser.page);
    await centre.kill();
    const front = [await register(0, PATIENTS[1]), await register(0, PATIENTS[2], '07')];
    const doctorRoom = [await register(1, PATIENTS[3]), await register(1, PATIENTS[4])];
    // Each PC reads its own registrations while apart.
    const listed = await invoke(pcs[0], 'visits.listToday', {}, sessions[0]);
    expect(listed.visits.map((v) => v.visitNumber)).toEqual(expect.arrayContaining(front));
    await reg.todayList().locator(`tbody tr[data-visit-number="${doctorRoom[1]}"]`).waitFor();
    await expect
      .poll(() => home.statusBar().locator('[data-status="lan"]').textContent(), { timeout: 20_000 })
      .toContain('本院主机连接中断，本机继续工作，恢复后自动同步');

    await centre.restart();
    const all = await converged(
      [() => winners(pcs[0]), () => winners(pcs[1]), () => winners(pcs[2]), async () => onlyWinners(await centre.snapshot(CODE))],
      120_000,
      async () => (await Promise.all(pcs.map(async (pc, i) => describeLink(`W0${i + 1}`, (await invoke(pc, 'lan.status', {}, sessions[i])).link)))).join('; '),
    );
    for (const number of [...front, ...doctorRoom]) await reg.todayList().locator(`tbody tr[data-visit-number="${number}"]`).waitFor({ timeout: 10_000 });
    expect(Object.keys(all).filter((id) => id.startsWith('encounter:'))).toHaveLength(5);
    await expect.poll(() => home.statusBar().locator('[data-status="lan"]').textContent(), { timeout: 20_000 }).toContain('已连接');
  }, 240_000);
});
