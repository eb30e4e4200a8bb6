import { beforeAll, describe, expect, it } from 'vitest';
import { TEST_CLINIC } from './support/api';
import { screenshot } from './support/browser';
import { clinicInBrowser } from './support/clinic-in-browser';
import { AdminPage } from './pages/admin.page';
import { fieldInput } from './pages/fields';
import { HomePage } from './pages/home.page';
import { LoginPage } from './pages/login.page';

// 管理 as staff met it: a login name typed with capitals is lower-cased before their eyes, a refused
// 新增用户 puts the cursor in the first field in error, and an administrator who gives themself a
// role can use it at once.

describe('管理: the new-user form and one’s own account', () => {
  const clinic = clinicInBrowser({ setUp: true });
  let admin: AdminPage;
  let home: HomePage;

  beforeAll(async () => {
    admin = new AdminPage(clinic.browser.page);
    home = new HomePage(clinic.browser.page);
    await new LoginPage(clinic.browser.page).login(TEST_CLINIC.adminUsername, TEST_CLINIC.adminPassword);
    await admin.userRow(TEST_CLINIC.adminUsername).waitFor();
  });

  it('says, as it is typed, that the login name is kept in lower case', async () => {
    const username = fieldInput(admin.addForm('users'), 'username');
    await username.click();
    await clinic.browser.page.keyboard.type('ZhangSan');
    expect(await username.inputValue()).toBe('zhangsan');
    await expect.poll(() => admin.userNote('username').textContent()).toContain('只用小写字母');
    expect(await admin.userNote('username').textContent()).toContain('已记为“zhangs”');
    await screenshot(clinic.browser.page, '37-admin-username-lower-case');
    await username.fill('');
    await expect.poll(() => admin.userNote('username').count()).toBe(0);
  });

  it('after a refused save puts the cursor in the first field in error, not in a role box', async () => {
    // A login name the contract refuses, and no role: both are wrong; 登录名 comes first on the form.
    await fieldInput(admin.addForm('users'), 'username').fill('张三');
    await admin.fillRestOfUser({ username: '', displayName: '张三', roles: [], departments: [], password: 'Zhang2026ok' });
    await expect.poll(() => admin.userError('roles').textContent()).toBe('至少选择一个角色');
    expect(await admin.userError('username').textContent()).toBeTruthy();
    expect(await admin.focusedField()).toBe('username');

    // Refused by the clinic.server (the name is taken): the cursor is there again.
    await fieldInput(admin.addForm('users'), 'username').fill(TEST_CLINIC.adminUsername);
    await admin.fillRestOfUser({ username: '', displayName: '张三', roles: ['doctor'], departments: [], password: 'Zhang2026ok' });
    await expect.poll(() => admin.userError('username').textContent()).toContain(TEST_CLINIC.adminUsername);
    expect(await admin.focusedField()).toBe('username');
  });

  it('gives the administrator a role added to their own account at once, saying so', async () => {
    await home.navButton('registration').click();
    await home.noPermission().waitFor();
    await home.navButton('admin').click();

    const editor = await admin.openUserEditor(TEST_CLINIC.adminUsername, 'edit-user');
    await admin.editorChoice(editor, 'roles', '挂号员').check();
    await editor.getByRole('button', { name: '保存' }).click();
    await expect.poll(() => admin.changeNotice('users').textContent()).toContain('新的角色已经生效，不用重新登录');
    await screenshot(clinic.browser.page, '38-admin-own-role-added');

    // 挂号 opens in the same login.
    await home.navButton('registration').click();
    await clinic.browser.page.getByTestId('registration').waitFor();
    expect(await home.noPermission().count()).toBe(0);
  });

  it('ran without errors in the page', () => {
    expect(clinic.browser.pageErrors).toEqual([]);
  });
});
