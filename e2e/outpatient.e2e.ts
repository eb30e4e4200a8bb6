import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invoke, setUpClinic, TEST_CLINIC } from './support/api';
import { openBrowser, screenshot, type BrowserSession } from './support/browser';
import { startClinicServer, type ClinicServer } from './support/server';
import { LoginPage } from './pages/login.page';
import { OutpatientPage } from './pages/outpatient.page';

// Scenario 2 (SCENARIOS.md): the front desk registers, the doctor calls, writes from a template,
// codes the diagnosis by pinyin initials, prescribes (an allergy warning answered), signs, completes.

const REGISTRAR = { username: 'front', displayName: '赵挂号', password: 'Front2026ok' };
const DOCTOR = { username: 'drli', displayName: '李医生', password: 'Drli2026ok' };
const PIN = '739264';
const drug = (code: string, genericName: string, drugClass: string | null, strengthValue: number) => ({
  code,
  genericName,
  form: '片剂',
  strengthValue,
  strengthUnit: 'mg' as const,
  unit: '片',
  packageSize: 24,
  packageUnit: '盒',
  drugClass,
  defaultDose: strengthValue,
  defaultDoseUnit: 'mg',
  defaultRoute: 'po' as const,
  defaultFrequency: 'tid' as const,
  antibioticGrade: null,
  essential: true,
  active: true,
});

describe('门诊: the doctor sees a registered patient', () => {
  let server: ClinicServer;
  let browser: BrowserSession;
  let front = '';
  let doctorSession = '';
  let page: OutpatientPage;

  const register = async (name: string, allergies: Array<{ substance: string }>) => {
    const patient = await invoke(
      server,
      'patients.register',
      { patient: { name, sex: '2', birthDate: '1961-04-02', cards: [], allergies }, acknowledgedDuplicates: false },
      front,
    );
    return invoke(server, 'visits.register', { patientId: patient.patient.id, departmentCode: '03', visitType: 'first', feeCategory: 'self' }, front);
  };

  beforeAll(async () => {
    server = await startClinicServer();
    await setUpClinic(server);
    const admin = (await invoke(server, 'auth.login', { username: TEST_CLINIC.adminUsername, password: TEST_CLINIC.adminPassword })).sessionToken;
    await invoke(server, 'admin.createUser', { ...REGISTRAR, roles: ['registrar'], departmentCodes: [] }, admin);
    await invoke(server, 'admin.createUser', { ...DOCTOR, roles: ['doctor'], departmentCodes: ['03'] }, admin);
    await invoke(server, 'drugs.save', { drug: drug('AMX', '阿莫西林片', '青霉素类', 250) }, admin);
    await invoke(server, 'drugs.save', { drug: drug('NFD', '硝苯地平片', null, 10) }, admin);
    front = (await invoke(server, 'auth.login', { username: REGISTRAR.username, password: REGISTRAR.password })).sessionToken;
    doctorSession = (await invoke(server, 'auth.login', { username: DOCTOR.username, password: DOCTOR.password })).sessionToken;
    await invoke(server, 'signing.setPin', { pin: PIN }, doctorSession);
    await invoke(
      server,
      'outpatient.saveTemplate',
      { scope: 'personal', name: '高血压复诊', fields: { chief_complaint: '头晕 3 天', plan: '低盐饮食，两周后复诊。' } },
      doctorSession,
    );

    browser = await openBrowser();
    page = new OutpatientPage(browser.page);
    await browser.page.goto(server.url);
    await new LoginPage(browser.page).login(DOCTOR.username, DOCTOR.password);
    await page.screen().waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('calls, writes from a template, codes by initials, prescribes, signs and completes; the front desk sees 已就诊', async () => {
    const visit = await register('王秀英', [{ substance: '青霉素' }]);
    await browser.page.focus('body');
    await browser.page.keyboard.press('F6');
    await expect.poll(() => page.bannerName()).toBe('王秀英');
    expect(await page.banner().textContent()).toContain('青霉素');

    await page.applyTemplate('高血压复诊');
    expect(await page.noteField('chief_complaint').inputValue()).toBe('头晕 3 天');
    await page.addDiagnosis('gxy');
    await expect.poll(() => page.diagnoses().count()).toBe(1);

    await page.addDrug('amxl');
    await page.addDrug('xbdp');
    await page.savePrescription();
    await page.warning('allergy').waitFor();
    await page.answerWarning('allergy', '已询问，患者称仅皮试阳性，同意使用');
    await page.savePrescription();
    await expect.poll(() => page.quantities().count()).toBe(2);

    await page.sign(PIN);
    await expect.poll(() => page.signedNotice().count()).toBe(1);
    await browser.page.locator('[data-action="complete"]').click();
    await expect.poll(async () => (await page.banner().textContent()) ?? '').toContain('已就诊');
    const today = await invoke(server, 'visits.listToday', {}, front);
    await expect.poll(async () => (await invoke(server, 'visits.listToday', {}, front)).visits.find((v) => v.id === visit.id)?.statusLabel).toBe('已就诊');
    expect(today.visits.length).toBeGreaterThan(0);
    await screenshot(browser.page, 'outpatient-completed');
  });

  it('keeps the typing of a visit through a crash: the reopened visit has the autosaved draft', async () => {
    const visit = await register('刘桂芳', []);
    await browser.page.keyboard.press('F6');
    await expect.poll(() => page.bannerName()).toBe('刘桂芳');
    await page.noteField('present_illness').fill('咳嗽 5 天，夜间加重，无发热。');
    await page.draftSaved().waitFor({ timeout: 10_000 });

    const dataDir = server.dataDir;
    await server.kill();
    server = await startClinicServer({ dataDir });
    await browser.page.goto(server.url);
    await new LoginPage(browser.page).login(DOCTOR.username, DOCTOR.password);
    await page.screen().waitFor();
    await page.openVisit(visit.id);
    await expect.poll(() => page.noteField('present_illness').inputValue()).toBe('咳嗽 5 天，夜间加重，无发热。');
  });
});
