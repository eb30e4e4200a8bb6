import { beforeAll, describe, expect, it } from 'vitest';
import { invoke, TEST_CLINIC } from './support/api';
import { screenshot } from './support/browser';
import { clinicInBrowser } from './support/clinic-in-browser';
import { HomePage, type SectionId } from './pages/home.page';
import { LoginPage } from './pages/login.page';
import { RegistrationPage } from './pages/registration.page';
import { RestorePage } from './pages/restore.page';
import { SetupCompletePage, SetupWizardPage } from './pages/setup-wizard.page';
import { ShortcutHelpPage } from './pages/shortcut-help.page';

// Every screen there is, in the toolkit, at the front desk's 1366×768: each must show its main
// heading; the pictures (e2e/screenshots/screen-*.png) are for a person to look at.

/** Someone with every role, so that one login opens every section. */
const EVERYONE = { username: 'all', displayName: '全科主任', password: 'AllRoles2026' };
const PATIENT = { name: '王秀英', sex: '2', birthDate: '1948-05-02', phone: '13800000001' } as const;

describe('every screen at 1366×768', () => {
  const clinic = clinicInBrowser();

  /** Waits for the screen's main heading, then keeps a picture of it. */
  const shoot = async (name: string, heading: string) => {
    await clinic.browser.page.getByRole('heading', { name: heading, exact: true }).first().waitFor();
    await screenshot(clinic.browser.page, `screen-${name}`);
  };

  beforeAll(() => clinic.browser.page.setViewportSize({ width: 1366, height: 768 }));

  it('shows the first-run wizard step by step, and the restore form', async () => {
    const { page } = clinic.browser;
    const wizard = new SetupWizardPage(page);
    await shoot('01-wizard-clinic', '设置向导');
    expect(await wizard.currentStep()).toBe('clinic');

    const restore = new RestorePage(page);
    await restore.choose();
    await shoot('02-restore', '从县级服务器恢复');
    await page.keyboard.press('Escape');
    await expect.poll(() => wizard.currentStep()).toBe('clinic');

    await wizard.fillClinic({ name: TEST_CLINIC.name, code: TEST_CLINIC.code });
    await wizard.next();
    await expect.poll(() => wizard.currentStep()).toBe('departments');
    await shoot('03-wizard-departments', '设置向导');
    await wizard.next();
    await expect.poll(() => wizard.currentStep()).toBe('admin');
    await wizard.fillAdmin({ username: TEST_CLINIC.adminUsername, displayName: TEST_CLINIC.adminName, password: TEST_CLINIC.adminPassword });
    await shoot('04-wizard-admin', '设置向导');
    await wizard.next();
    await expect.poll(() => wizard.currentStep()).toBe('review');
    await shoot('05-wizard-review', '设置向导');
    await wizard.finish();
    await new SetupCompletePage(page).heading().waitFor();
    await shoot('06-setup-done', '设置完成');
  });

  it('shows the login screen, then home with each section', async () => {
    const { page } = clinic.browser;
    const admin = await invoke(clinic.server, 'auth.login', { username: TEST_CLINIC.adminUsername, password: TEST_CLINIC.adminPassword });
    const roles = ['admin', 'registrar', 'doctor', 'archivist'] as const;
    await invoke(clinic.server, 'admin.createUser', { ...EVERYONE, roles: [...roles], departmentCodes: [] }, admin.sessionToken);
    const desk = await invoke(clinic.server, 'auth.login', { username: EVERYONE.username, password: EVERYONE.password });
    await invoke(clinic.server, 'patients.register', { patient: { ...PATIENT, cards: [], allergies: [] }, acknowledgedDuplicates: false }, desk.sessionToken);

    await new SetupCompletePage(page).goToLogin();
    // The login screen's heading is the clinic's name.
    await shoot('07-login', TEST_CLINIC.name);
    await new LoginPage(page).login(EVERYONE.username, EVERYONE.password);

    const home = new HomePage(page);
    const sections: ReadonlyArray<readonly [SectionId, string]> = [
      ['registration', '挂号'],
      ['outpatient', '候诊队列'],
      ['records', '病案'],
      ['sync', '与县级平台同步'],
      ['admin', '科室'],
    ];
    for (const [section, heading] of sections) {
      await home.navButton(section).click();
      await expect.poll(() => home.openSection()).toBe(section);
      await shoot(`1${sections.findIndex(([id]) => id === section)}-home-${section}`, heading);
    }
    // 管理's lower panels, scrolled to.
    for (const [name, heading] of [
      ['15-admin-users', '用户'],
      ['16-admin-devices', '外接设备（本工作站）'],
    ] as const) {
      await page.getByRole('heading', { name: heading, exact: true }).evaluate((element) => element.scrollIntoView({ block: 'start' }));
      await shoot(name, heading);
    }
  });

  it('shows 挂号 with a patient chosen, and the shortcut help over it', async () => {
    const home = new HomePage(clinic.browser.page);
    await home.navButton('registration').click();
    const reg = new RegistrationPage(clinic.browser.page);
    await reg.waitForScreen();
    await reg.search('wxy');
    await expect.poll(() => reg.results().first().textContent()).toContain(PATIENT.name);
    await reg.press('Enter');
    await expect.poll(() => reg.selectedName().textContent()).toBe(PATIENT.name);
    await reg.visitForm().waitFor();
    await shoot('20-registration-patient', '挂号');

    const help = new ShortcutHelpPage(clinic.browser.page);
    await help.openWithKey();
    expect(await help.panel().getByText('快捷键', { exact: true }).first().isVisible()).toBe(true);
    await screenshot(clinic.browser.page, 'screen-21-shortcut-help');
    await help.closeWithEsc();
  });

  it('ran without errors in the page', () => {
    expect(clinic.browser.pageErrors).toEqual([]);
  });
});
