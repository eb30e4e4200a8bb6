import { beforeAll, describe, expect, it } from 'vitest';
import { invoke, TEST_CLINIC } from './support/api';
import { screenshot } from './support/browser';
import { clinicInBrowser } from './support/clinic-in-browser';
import { HomePage } from './pages/home.page';
import { LoginPage } from './pages/login.page';
import { RegistrationPage } from './pages/registration.page';
import { ShortcutHelpPage } from './pages/shortcut-help.page';

// 快捷键: the help panel is generated from the one keymap and lists, on each screen, the global
// keys and that screen's own; the keys it lists are the ones that act.

/** A head of the front desk who also runs the clinic's administration: both screens in one login. */
const HEAD = { username: 'head', displayName: '钱主任', password: 'Head2026ok' };

describe('快捷键 from every screen', () => {
  const clinic = clinicInBrowser({ setUp: true });
  let home: HomePage;
  let help: ShortcutHelpPage;

  beforeAll(async () => {
    const admin = await invoke(clinic.server, 'auth.login', { username: TEST_CLINIC.adminUsername, password: TEST_CLINIC.adminPassword });
    await invoke(clinic.server, 'admin.createUser', { ...HEAD, roles: ['registrar', 'admin'], departmentCodes: [] }, admin.sessionToken);
    home = new HomePage(clinic.browser.page);
    help = new ShortcutHelpPage(clinic.browser.page);
    await new LoginPage(clinic.browser.page).login(HEAD.username, HEAD.password);
    await clinic.browser.page.getByTestId('registration').waitFor();
  });

  it('lists 挂号’s keys on 挂号, says where F8’s old meaning went, and closes with Esc', async () => {
    const reg = new RegistrationPage(clinic.browser.page);
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
    await screenshot(clinic.browser.page, '70-shortcuts-registration');

    // F5 would open 管理 behind the panel: while it is open, only its own keys act.
    await clinic.browser.page.keyboard.press('F5');
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
    await screenshot(clinic.browser.page, '71-shortcuts-admin');
    await help.closeWithEsc();

    // Shift+F1 toggles it, and the section keys it lists act.
    await help.openWithKey();
    await clinic.browser.page.keyboard.press('Shift+F1');
    await help.panel().waitFor({ state: 'detached' });
    await home.pressShortcut('Alt+1');
    await expect.poll(() => home.openSection()).toBe('registration');
  });
});
