import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setUpClinic, TEST_CLINIC } from './support/api';
import { openBrowser, screenshot, type BrowserSession } from './support/browser';
import { startClinicServer, type ClinicServer } from './support/server';
import { AdminPage } from './pages/admin.page';
import { HomePage } from './pages/home.page';
import { LoginPage } from './pages/login.page';

describe('管理: departments and users', () => {
  let server: ClinicServer;
  let browser: BrowserSession;
  let admin: AdminPage;

  beforeAll(async () => {
    server = await startClinicServer();
    await setUpClinic(server);
    browser = await openBrowser();
    admin = new AdminPage(browser.page);
    await browser.page.goto(server.url);
    await new LoginPage(browser.page).login(TEST_CLINIC.adminUsername, TEST_CLINIC.adminPassword);
    await admin.departmentRow('03').waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('lists the departments from setup and adds one from the keyboard', async () => {
    expect(await admin.departmentRow('04').textContent()).toContain('外科');
    await admin.addDepartment('12', '口腔科');
    await admin.departmentRow('12').waitFor();
    expect(await admin.departmentRow('12').textContent()).toContain('口腔科');
    await expect.poll(() => admin.notice('departments').textContent()).toContain('已新增科室：口腔科（12）');
  });

  it('shows a code already in use at the code field', async () => {
    await admin.addDepartment('03', '内二科');
    await expect.poll(() => admin.departmentError('code').textContent()).toContain('已经用过了');
    await expect.poll(() => admin.departmentBanner().textContent()).toContain('已经用过了');
    await screenshot(browser.page, '30-admin-duplicate-department');
  });

  it('checks a new user before sending it, then adds the user', async () => {
    await admin.addUser({ username: 'lisi', displayName: '李四', roles: [], departments: [], password: 'short' });
    await expect.poll(() => admin.userError('roles').textContent()).toBe('至少选择一个角色');
    await expect.poll(() => admin.userError('password').textContent()).toBe('密码至少 8 位');

    await admin.addUser({ username: 'lisi', displayName: '李四', roles: ['registrar', 'doctor'], departments: ['内科'], password: 'Lisi2025ok' });
    await admin.userRow('lisi').waitFor();
    const row = await admin.userRow('lisi').textContent();
    expect(row).toContain('李四');
    expect(row).toContain('挂号员');
    expect(row).toContain('内科');
    await screenshot(browser.page, '31-admin-lists');
  });

  it('lets the new user log in, with the sections their roles allow', async () => {
    const { page } = browser;
    const home = new HomePage(page);
    await home.logout();
    await new LoginPage(page).login('lisi', 'Lisi2025ok');
    await expect.poll(() => home.statusSlot('user').textContent()).toContain('李四');
    expect(await home.openSection()).toBe('registration');
    await page.getByTestId('registration').waitFor();
    await screenshot(page, '32-home-registrar');

    // 管理 holds only the front desk's device settings for a registrar, not departments or users.
    await home.pressShortcut('F5');
    await page.getByTestId('devices-panel').waitFor();
    expect(await page.getByTestId('departments-panel').count()).toBe(0);
    expect(await page.getByTestId('users-panel').count()).toBe(0);

    await home.pressShortcut('F3');
    await expect.poll(() => home.noPermission().textContent()).toContain('没有这一项的权限');
  });

  it('ran without errors in the page', () => {
    expect(browser.pageErrors).toEqual([]);
  });
});
