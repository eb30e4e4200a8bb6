import { describe, expect, it } from 'vitest';
import { TEST_CLINIC } from './support/api';
import { screenshot } from './support/browser';
import { clinicInBrowser } from './support/clinic-in-browser';
import { HomePage } from './pages/home.page';
import { LoginPage } from './pages/login.page';

describe('login, reload, logout, and a lost back end', () => {
  const clinic = clinicInBrowser({ setUp: true, open: false });

  it('says in Chinese when the password is wrong, and clears it for another try', async () => {
    const { page } = clinic.browser;
    const login = new LoginPage(page);
    await page.goto(clinic.server.url);
    await expect.poll(() => login.clinicName().textContent()).toBe(TEST_CLINIC.name);

    await login.login(TEST_CLINIC.adminUsername, 'Wrong2025pw');
    await expect.poll(() => login.banner().textContent()).toContain('登录名或密码不对，请重新输入。');
    expect(await login.field('password').inputValue()).toBe('');
    await screenshot(page, '20-login-wrong-password');
  });

  it('asks for what is missing without calling the back end', async () => {
    const login = new LoginPage(clinic.browser.page);
    await login.field('username').fill('');
    await login.submitButton().click();
    await expect.poll(() => login.error('username').textContent()).toBe('请输入登录名');
    await expect.poll(() => login.error('password').textContent()).toBe('请输入密码');
  });

  it('logs in, and a reload keeps the user logged in', async () => {
    const { page } = clinic.browser;
    const login = new LoginPage(page);
    const home = new HomePage(page);
    // Capitals are forgiven: login names are lower case.
    await login.login('ADMIN', TEST_CLINIC.adminPassword);
    await expect.poll(() => home.statusSlot('user').textContent()).toContain(TEST_CLINIC.adminName);

    await page.reload();
    await expect.poll(() => home.clinicName().textContent()).toBe(TEST_CLINIC.name);
    await expect.poll(() => home.statusSlot('user').textContent()).toContain(TEST_CLINIC.adminName);
  });

  it('logs out back to the login screen, and a reload stays there', async () => {
    const { page } = clinic.browser;
    const login = new LoginPage(page);
    await new HomePage(page).logout();
    await login.submitButton().waitFor();
    expect(await page.evaluate(() => sessionStorage.getItem('clinic.session'))).toBeNull();

    await page.reload();
    await login.submitButton().waitFor();
    expect(await login.clinicName().textContent()).toBe(TEST_CLINIC.name);
  });

  it('sends the user back to login when the session is no longer valid', async () => {
    const { page } = clinic.browser;
    const login = new LoginPage(page);
    const home = new HomePage(page);
    await login.login(TEST_CLINIC.adminUsername, TEST_CLINIC.adminPassword);
    await home.statusBar().waitFor();
    // As if the back end had been restarted: the token it gave out is no longer known.
    await page.evaluate(() => sessionStorage.setItem('clinic.session', 'forgotten-session-token'));
    await page.reload();
    await login.submitButton().waitFor();
    expect(await page.evaluate(() => sessionStorage.getItem('clinic.session'))).toBeNull();
  });

  it('says the back end is unreachable and keeps retrying when it goes away', async () => {
    const { page } = clinic.browser;
    const login = new LoginPage(page);
    const home = new HomePage(page);
    await login.login(TEST_CLINIC.adminUsername, TEST_CLINIC.adminPassword);
    await home.statusBar().waitFor();
    clinic.browser.pageErrors.length = 0;

    await clinic.server.stop();
    const banner = page.getByTestId('connection-banner');
    await banner.waitFor({ timeout: 20_000 });
    expect(await banner.textContent()).toContain('正在自动重试');
    await expect.poll(() => page.getByTestId('status-error').textContent()).toContain('正在重试');
    await screenshot(page, '21-back-end-unreachable');
  });
});
