import { beforeAll, describe, expect, it } from 'vitest';
import { invoke, TEST_CLINIC } from './support/api';
import { screenshot } from './support/browser';
import { clinicInBrowser } from './support/clinic-in-browser';
import { AdminPage } from './pages/admin.page';
import { HomePage } from './pages/home.page';
import { LoginPage } from './pages/login.page';

const PAEDIATRICIAN = { username: 'zhao', displayName: '赵医生', password: 'Zhao2026ok' };
const CHILD = { name: '王小明', sex: '1', birthDate: '2019-06-01' } as const;

describe('管理: departments and users', () => {
  const clinic = clinicInBrowser({ setUp: true });
  let admin: AdminPage;

  beforeAll(async () => {
    admin = new AdminPage(clinic.browser.page);
    await new LoginPage(clinic.browser.page).login(TEST_CLINIC.adminUsername, TEST_CLINIC.adminPassword);
    await admin.departmentRow('03').waitFor();
    // Someone waiting in 儿科 today, and a doctor of 儿科: stopping the department names both.
    const session = (await invoke(clinic.server, 'auth.login', { username: TEST_CLINIC.adminUsername, password: TEST_CLINIC.adminPassword })).sessionToken;
    await invoke(clinic.server, 'admin.createUser', { ...PAEDIATRICIAN, roles: ['doctor', 'registrar'], departmentCodes: ['07'] }, session);
    const desk = (await invoke(clinic.server, 'auth.login', { username: PAEDIATRICIAN.username, password: PAEDIATRICIAN.password })).sessionToken;
    const child = await invoke(clinic.server, 'patients.register', { patient: { ...CHILD, cards: [], allergies: [] }, acknowledgedDuplicates: false }, desk);
    await invoke(clinic.server, 'visits.register', { patientId: child.id, departmentCode: '07', visitType: 'first', feeCategory: 'self' }, desk);
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
    await screenshot(clinic.browser.page, '30-admin-duplicate-department');
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
    await screenshot(clinic.browser.page, '31-admin-lists');
  });

  it('lets the new user log in, with the sections their roles allow', async () => {
    const { page } = clinic.browser;
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

    // 病案 (F3) opens for a doctor too (我的借阅, the cases lent to them); 同步 (F4) is not theirs.
    await home.pressShortcut('F4');
    await expect.poll(() => home.noPermission().textContent()).toContain('没有这一项的权限');
  });

  it('stops a user with one click: the list and a notice say so, and that person can no longer log in', async () => {
    const { page } = clinic.browser;
    const home = new HomePage(page);
    const login = new LoginPage(page);
    await home.logout();
    await login.login(TEST_CLINIC.adminUsername, TEST_CLINIC.adminPassword);
    await admin.userRow('lisi').waitFor();
    expect(await admin.userActive('lisi')).toBe('true');

    await admin.userAction('lisi', 'toggle-active').click();
    await expect.poll(() => admin.userActive('lisi')).toBe('false');
    await expect.poll(() => admin.changeNotice('users').textContent()).toContain('已停用 李四（lisi）的账号：本人已被退出登录');
    expect(await admin.changeNotice('users').textContent()).toContain('点“启用”即可恢复');
    expect(await admin.userAction('lisi', 'toggle-active').textContent()).toBe('启用');
    expect(await admin.userRow('lisi').textContent()).toContain('停用');
    await screenshot(page, '33-admin-user-stopped');

    await home.logout();
    await login.login('lisi', 'Lisi2025ok');
    await expect.poll(() => login.banner().textContent()).toContain('该账号已停用，请联系系统管理员。');
  });

  it('starts the stopped user again', async () => {
    await new LoginPage(clinic.browser.page).login(TEST_CLINIC.adminUsername, TEST_CLINIC.adminPassword);
    await admin.userRow('lisi').waitFor();
    expect(await admin.userActive('lisi')).toBe('false');
    await admin.userAction('lisi', 'toggle-active').click();
    await expect.poll(() => admin.userActive('lisi')).toBe('true');
    await expect.poll(() => admin.changeNotice('users').textContent()).toContain('已启用 李四（lisi）的账号');
    expect(await admin.userAction('lisi', 'toggle-active').textContent()).toBe('停用');
  });

  it('sets a new password, checked like the add form; the old one stops working and the new one logs in', async () => {
    const { page } = clinic.browser;
    const home = new HomePage(page);
    const login = new LoginPage(page);
    const editor = await admin.openUserEditor('lisi', 'password');
    await expect.poll(() => admin.focusedField()).toBe('password');

    await admin.typeNewPassword('Lisi2026new', 'Lisi2026nwe');
    await expect.poll(() => admin.editorError(editor, 'passwordAgain').textContent()).toBe('两次输入的密码不一样');
    await admin.editorField(editor, 'password').fill('');
    await admin.editorField(editor, 'passwordAgain').fill('');
    await admin.editorField(editor, 'passwordAgain').press('Enter');
    await expect.poll(() => admin.editorError(editor, 'password').textContent()).toBe('请输入新密码');

    await admin.editorField(editor, 'password').fill('Lisi2026new');
    await admin.editorField(editor, 'passwordAgain').fill('Lisi2026new');
    await admin.editorField(editor, 'passwordAgain').press('Enter');
    await expect.poll(() => editor.count()).toBe(0);
    await expect.poll(() => admin.changeNotice('users').textContent()).toContain('已为 李四（lisi）设置新密码');

    await home.logout();
    await login.login('lisi', 'Lisi2025ok');
    await expect.poll(() => login.banner().textContent()).toContain('登录名或密码不对');
    await login.login('lisi', 'Lisi2026new');
    await expect.poll(() => home.statusSlot('user').textContent()).toContain('李四');
    await home.logout();
    await login.login(TEST_CLINIC.adminUsername, TEST_CLINIC.adminPassword);
    await admin.userRow('lisi').waitFor();
  });

  it('edits a user: the editor shows the user as listed, Esc leaves it unchanged, 保存 renames', async () => {
    const { page } = clinic.browser;
    let editor = await admin.openUserEditor('lisi', 'edit-user');
    await expect.poll(() => admin.editorField(editor, 'displayName').inputValue()).toBe('李四');
    expect(await admin.editorChoice(editor, 'roles', '挂号员').isChecked()).toBe(true);
    expect(await admin.editorChoice(editor, 'roles', '医生').isChecked()).toBe(true);
    expect(await admin.editorChoice(editor, 'roles', '系统管理员').isChecked()).toBe(false);
    expect(await admin.editorChoice(editor, 'departmentCodes', '内科').isChecked()).toBe(true);
    await expect.poll(() => admin.focusedField()).toBe('displayName');

    await admin.editorField(editor, 'displayName').fill('李思');
    await page.keyboard.press('Escape');
    await expect.poll(() => editor.count()).toBe(0);
    expect(await admin.userRow('lisi').textContent()).toContain('李四');
    // The cursor is back on 修改, so Enter opens the editor again, with the name as it was.
    await expect.poll(() => admin.focusedAction()).toBe('edit');
    await page.keyboard.press('Enter');
    editor = admin.editor('users', 'edit-user');
    await expect.poll(() => admin.editorField(editor, 'displayName').inputValue()).toBe('李四');

    await admin.editorField(editor, 'displayName').fill('李思');
    await admin.editorChoice(editor, 'departmentCodes', '外科').check();
    await screenshot(page, '34-admin-edit-user');
    await editor.getByRole('button', { name: '保存' }).click();
    await expect.poll(() => admin.userRow('lisi').textContent()).toContain('李思');
    expect(await admin.userRow('lisi').textContent()).toContain('外科');
    expect(await admin.changeNotice('users').textContent()).toContain('已保存 李思（lisi）的资料。');
  });

  it('refuses, next to the field, to stop or demote the administrator who is logged in', async () => {
    const { page } = clinic.browser;
    await admin.userAction('admin', 'toggle-active').click();
    await expect.poll(() => admin.userRowError('admin', 'active').textContent()).toBe('不能停用自己正在使用的账号。');
    expect(await admin.userActive('admin')).toBe('true');
    await screenshot(page, '35-admin-cannot-stop-self');

    const editor = await admin.openUserEditor('admin', 'edit-user');
    await expect.poll(() => admin.editorChoice(editor, 'roles', '系统管理员').isChecked()).toBe(true);
    await admin.editorChoice(editor, 'roles', '医生').check();
    await admin.editorChoice(editor, 'roles', '系统管理员').uncheck();
    await editor.getByRole('button', { name: '保存' }).click();
    await expect.poll(() => admin.editorError(editor, 'roles').textContent()).toContain('不能取消自己的系统管理员角色');
    await page.keyboard.press('Escape');
    await expect.poll(() => editor.count()).toBe(0);
    expect(await admin.userRow('admin').textContent()).not.toContain('医生');
  });

  it('renames a department from the keyboard and stops it; new users can no longer be put in it', async () => {
    const { page } = clinic.browser;
    const offered = (name: string) => admin.addForm('users').locator('[data-field="departmentCodes"]').getByLabel(name, { exact: true }).count();
    const editor = await admin.openDepartmentEditor('07');
    await expect.poll(() => admin.editorField(editor, 'name').inputValue()).toBe('儿科');
    await expect.poll(() => admin.focusedField()).toBe('name');
    await admin.editorField(editor, 'name').fill('儿童保健科');
    // Enter to the 门诊挂号 box, Enter again: saved.
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await expect.poll(() => admin.departmentRow('07').textContent()).toContain('儿童保健科');
    expect(await admin.changeNotice('departments').textContent()).toContain('已保存科室：儿童保健科（07）。');
    await expect.poll(() => offered('儿童保健科')).toBe(1);

    // Stopping asks first, naming today's patients there and its staff, and saying what becomes of them.
    await admin.askToStopDepartment('07');
    expect(await admin.stopConcern('patients').textContent()).toContain('王小明（1号）');
    expect(await admin.stopConcern('patients').textContent()).toContain('仍在今日挂号列表和候诊队列里');
    expect(await admin.stopConcern('staff').textContent()).toContain('赵医生（zhao）');
    expect(await admin.stopConcern('staff').textContent()).toContain('他们的账号照常使用');
    await screenshot(page, '35-admin-department-stop-question');
    // Esc keeps it; asked again, 确定停用 stops it.
    await page.keyboard.press('Escape');
    await admin.stopQuestion().waitFor({ state: 'detached' });
    expect(await admin.departmentActive('07')).toBe('true');
    await admin.askToStopDepartment('07');
    await admin.confirmStop();
    await expect.poll(() => admin.departmentActive('07')).toBe('false');
    await expect.poll(() => admin.changeNotice('departments').textContent()).toContain('已停用科室：儿童保健科（07），挂号时不再提供这个科室。');
    await expect.poll(() => offered('儿童保健科')).toBe(0);
    expect(await offered('内科')).toBe(1);
    await screenshot(page, '36-admin-department-stopped');
  });

  it('ran without errors in the page', () => {
    expect(clinic.browser.pageErrors).toEqual([]);
  });
});
