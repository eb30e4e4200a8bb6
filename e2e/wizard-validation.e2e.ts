import { beforeAll, describe, expect, it } from 'vitest';
import { TEST_CLINIC } from './support/api';
import { screenshot } from './support/browser';
import { clinicInBrowser } from './support/clinic-in-browser';
import { SetupCompletePage, SetupWizardPage } from './pages/setup-wizard.page';

describe('setup wizard: mistakes are shown at the field, in Chinese', () => {
  const clinic = clinicInBrowser();
  let wizard: SetupWizardPage;

  beforeAll(async () => {
    wizard = new SetupWizardPage(clinic.browser.page);
    await wizard.heading().waitFor();
  });

  it('asks for the clinic name and rejects a malformed county key, staying on step 1', async () => {
    await wizard.fillClinic({ name: '', code: TEST_CLINIC.code, countyKey: 'not-a-key' });
    await wizard.next();
    await expect.poll(() => wizard.error('clinic.name').textContent()).toBe('请填写机构名称');
    await expect.poll(() => wizard.error('patientIdKey').textContent()).toContain('十六进制');
    expect(await wizard.currentStep()).toBe('clinic');
    await screenshot(clinic.browser.page, '10-wizard-clinic-errors');

    // Editing a field takes its message away.
    await wizard.field('clinic.name').fill(TEST_CLINIC.name);
    expect(await wizard.error('clinic.name').count()).toBe(0);
  });

  it('marks a department code used twice on the row that repeats it', async () => {
    await wizard.field('patientIdKey').fill('  0123456789ABCDEF0123456789abcdef ');
    await wizard.next();
    await expect.poll(() => wizard.currentStep()).toBe('departments');
    await wizard.departmentCode(1).fill('03');
    await wizard.next();
    await expect.poll(() => wizard.error('departments.1.code').textContent()).toBe('与第 1 行的编码重复');
    expect(await wizard.currentStep()).toBe('departments');
    await screenshot(clinic.browser.page, '11-wizard-duplicate-department');
    await wizard.departmentCode(1).fill('04');
    await wizard.addDepartment('12', '口腔科');
    await wizard.next();
    await expect.poll(() => wizard.currentStep()).toBe('admin');
  });

  it('rejects a short password and a password typed differently twice', async () => {
    await wizard.fillAdmin({ username: 'admin', displayName: TEST_CLINIC.adminName, password: 'abc12' });
    await wizard.next();
    await expect.poll(() => wizard.error('admin.password').textContent()).toBe('密码至少 8 位');
    // The cursor is put where the problem is.
    await expect
      .poll(() => clinic.browser.page.evaluate(() => document.activeElement?.closest('[data-field]')?.getAttribute('data-field')))
      .toBe('admin.password');
    await screenshot(clinic.browser.page, '12-wizard-short-password');

    await wizard.fillAdmin({ username: 'admin', displayName: TEST_CLINIC.adminName, password: TEST_CLINIC.adminPassword, passwordAgain: 'Wsy2025no' });
    await wizard.next();
    await expect.poll(() => wizard.error('admin.passwordAgain').textContent()).toBe('两次输入的密码不一样');
  });

  it('refuses a second setup from another window that was still on the wizard', async () => {
    // A second tab opened from the printed address sits on the wizard too.
    const other = await clinic.browser.context.newPage();
    const otherWizard = new SetupWizardPage(other);
    await other.goto(clinic.server.url);
    await otherWizard.heading().waitFor();

    await wizard.field('admin.passwordAgain').fill(TEST_CLINIC.adminPassword);
    await wizard.next();
    await expect.poll(() => wizard.currentStep()).toBe('review');
    await wizard.finish();
    const done = new SetupCompletePage(clinic.browser.page);
    await done.heading().waitFor();
    // The county key entered is the one kept, tidied up.
    expect(await done.countyKey()).toBe('0123456789abcdef0123456789abcdef');
    await expect.poll(() => clinic.browser.page.getByText('使用了您填写的县级平台密钥').count()).toBe(1);

    await otherWizard.fillClinic({ name: '另一个卫生院', code: 'other' });
    await otherWizard.next();
    await otherWizard.next();
    await otherWizard.fillAdmin({ username: 'admin2', displayName: '李四', password: 'Other2025x' });
    await otherWizard.next();
    await otherWizard.finish();
    await expect.poll(() => otherWizard.banner().textContent()).toContain('已经完成初始设置');
    await screenshot(other, '13-wizard-already-set-up');
    await other.getByRole('button', { name: '去登录' }).click();
    await expect.poll(() => other.getByTestId('login-clinic-name').textContent()).toBe(TEST_CLINIC.name);
    await other.close();
  });

  it('ran without errors in the page', () => {
    expect(clinic.browser.pageErrors).toEqual([]);
  });
});
