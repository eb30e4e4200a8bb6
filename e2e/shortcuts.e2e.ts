import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invoke, setUpClinic, TEST_CLINIC } from './support/api';
import { openBrowser, screenshot, type BrowserSession } from './support/browser';
import { startClinicServer, type ClinicServer } from './support/server';
import { HomePage } from './pages/home.page';
import { LoginPage } from './pages/login.page';
import { RegistrationPage } from './pages/registration.page';
import { ShortcutHelpPage } from './pages/shortcut-help.page';

// 快捷键: the help panel is generated from the one keymap and lists, on each screen, the global
// keys and that screen's own; the keys it lists are the ones that act.

/** A head of the front desk who also runs the clinic's administration: both screens in one login. */
const HEAD = { username: 'head', displayName: '钱主任', password: 'Head2026ok' };

describe('快捷键 from every screen', () => {
  let server: ClinicServer;
  let browser: BrowserSession;
  let home: HomePage;
  let help: ShortcutHelpPage;

  beforeAll(async () => {
    server = await startClinicServer();
    await setUpClinic(server);
    const admin = await invoke(server, 'auth.login', { username: TEST_CLINIC.adminUsername, password: TEST_CLINIC.adminPassword });
    await invoke(server, 'admin.createUser', { ...HEAD, roles: ['registrar', 'admin'], departmentCodes: [] }, admin.sessionToken);
    browser = await openBrowser();
    home = new HomePage(browser.page);
    help = new ShortcutHelpPage(browser.page);
    await browser.page.goto(server.url);
    await new LoginPage(browser.page).login(HEAD.username, HEAD.password);
    await browser.page.getByTestId('registration').waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('lists 挂号’s keys on 挂号, says where F8’s old meaning went, and closes with Esc', async () => {
    const reg = new RegistrationPage(browser.page);
    // Opened with the cursor in the search box: the panel takes the keys while it is open.
    await reg.searchInput().click();
    await help.openWithKey();
    expect(await help.panel().getAttribute('data-screen')).toBe('registration');
    const ids = await help.listedIds();
    expect(ids).toEqual(
      expect.arrayContaining([
        'app.help',
        'home.registration',
        'home.admin',
        'registration.readCard',
        'registration.register',
        'registration.escape',
        'editPatient.save',
      ]),
    );
    expect(ids).not.toContain('adminEditor.cancel');
    expect(await help.row('registration.register').textContent()).toContain('F8');
    expect(await help.row('home.admin').textContent()).toContain('F5');
    expect(await help.changes().textContent()).toContain('F8 已改为');
    await screenshot(browser.page, '70-shortcuts-registration');

    // F5 would open 管理 behind the panel: while it is open, only its own keys act.
    await browser.page.keyboard.press('F5');
    expect(await home.openSection()).toBe('registration');
    await help.closeWithEsc();
    // The cursor is back in the search box, and Esc there is 挂号’s own again.
    expect(await reg.searchInput().evaluate((input) => input === document.activeElement)).toBe(true);
  });

  it('lists 管理’s keys on 管理, opened from the status bar’s button', async () => {
    await home.pressShortcut('F5');
    await expect.poll(() => home.openSection()).toBe('admin');
    await help.openWithButton();
    expect(await help.panel().getAttribute('data-screen')).toBe('admin');
    const ids = await help.listedIds();
    expect(ids).toEqual(expect.arrayContaining(['app.help', 'home.registration', 'admin.enter', 'adminEditor.cancel']));
    expect(ids).not.toContain('registration.register');
    expect(await help.group('本页：管理').textContent()).toContain('Enter');
    expect(await help.changes().count()).toBe(0);
    await screenshot(browser.page, '71-shortcuts-admin');
    await help.closeWithEsc();

    // Shift+F1 toggles it, and the section keys it lists act.
    await help.openWithKey();
    await browser.page.keyboard.press('Shift+F1');
    await help.panel().waitFor({ state: 'detached' });
    await home.pressShortcut('Alt+1');
    await expect.poll(() => home.openSection()).toBe('registration');
  });
});
