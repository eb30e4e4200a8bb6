import { describe, expect, it } from 'vitest';
import { TEST_CLINIC } from './support/api';
import { screenshot } from './support/browser';
import { clinicInBrowser } from './support/clinic-in-browser';
import { HomePage } from './pages/home.page';
import { LoginPage } from './pages/login.page';
import { SetupCompletePage, SetupWizardPage } from './pages/setup-wizard.page';

describe('first run: wizard → county key → login → home', () => {
  const clinic = clinicInBrowser({ open: false });

  it('sets up a clinic with the keyboard and logs its administrator in', async () => {
    const { page } = clinic.browser;
    const wizard = new SetupWizardPage(page);
    await page.goto(clinic.server.url);
    await wizard.heading().waitFor();

    // The launch token is taken out of the address bar; the cursor waits in the first field.
    expect(page.url()).not.toContain('token=');
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest('[data-field]')?.getAttribute('data-field'))).toBe('clinic.name');
    expect(await wizard.field('workstationId').inputValue()).toBe('W01');
    // The clinic's clock: Beijing time unless the clinic chooses another zone here.
    expect(await page.locator('[data-field="clinic.timeZone"] select').inputValue()).toBe('Asia/Shanghai');

    // Typing goes into the focused field and Enter walks through the fields to the next step.
    await page.keyboard.type(TEST_CLINIC.name);
    await page.keyboard.press('Enter');
    await page.keyboard.type('DongXiang');
    await screenshot(page, '01-setup-clinic');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await expect.poll(() => wizard.currentStep()).toBe('departments');
    expect(await wizard.departmentRows().count()).toBe(6);
    await screenshot(page, '02-setup-departments');

    // Esc goes back with what was typed kept (the code lower-cased as it was typed).
    await wizard.back();
    await expect.poll(() => wizard.currentStep()).toBe('clinic');
    expect(await wizard.field('clinic.code').inputValue()).toBe('dongxiang');
    await wizard.next();
    await wizard.next();
    await expect.poll(() => wizard.currentStep()).toBe('admin');

    await wizard.fillAdmin({ username: TEST_CLINIC.adminUsername, displayName: TEST_CLINIC.adminName, password: TEST_CLINIC.adminPassword });
    await screenshot(page, '03-setup-admin');
    await wizard.field('admin.passwordAgain').press('Enter');
    await expect.poll(() => wizard.currentStep()).toBe('review');
    expect(await page.getByText('北京时间（UTC+8）').count()).toBe(1);
    await screenshot(page, '04-setup-review');

    // The finish button has the focus on the last step: Enter finishes.
    await page.keyboard.press('Enter');
    const done = new SetupCompletePage(page);
    await done.heading().waitFor();
    expect(await done.countyKey()).toMatch(/^[0-9a-f]{32,128}$/);
    await screenshot(page, '05-setup-done');

    await done.goToLogin();
    const login = new LoginPage(page);
    await expect.poll(() => login.clinicName().textContent()).toBe(TEST_CLINIC.name);
    await screenshot(page, '06-login');
    await login.login(TEST_CLINIC.adminUsername, TEST_CLINIC.adminPassword);

    const home = new HomePage(page);
    await expect.poll(() => home.clinicName().textContent()).toBe(TEST_CLINIC.name);
    await expect.poll(() => home.statusSlot('user').textContent()).toContain(TEST_CLINIC.adminName);
    await expect.poll(() => home.statusSlot('workstation').textContent()).toContain('W01');
    await home.statusSlot('sync').waitFor();
    await home.statusSlot('devices').waitFor();
    expect(await home.openSection()).toBe('admin');
    await screenshot(page, '07-home-admin');
  });

  it('opens sections with F-keys and Alt+number; ones the role lacks say so plainly', async () => {
    const home = new HomePage(clinic.browser.page);
    await home.pressShortcut('F4');
    await expect.poll(() => home.openSection()).toBe('sync');
    await expect.poll(() => clinic.browser.page.getByTestId('sync-state').textContent()).toBe('未设置');
    await screenshot(clinic.browser.page, '08-home-sync');

    // The administrator role does not include registration: the section says so instead.
    await home.pressShortcut('Alt+1');
    await expect.poll(() => home.openSection()).toBe('registration');
    await expect.poll(() => home.noPermission().textContent()).toContain('没有这一项的权限');

    await home.pressShortcut('F5');
    await expect.poll(() => home.openSection()).toBe('admin');
  });

  it('ran without errors in the page', () => {
    expect(clinic.browser.pageErrors).toEqual([]);
  });
});
