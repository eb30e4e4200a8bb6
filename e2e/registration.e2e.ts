import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RESIDENT_HEALTH_CARD, SOCIAL_SECURITY_CARD } from '../electron/devices/testing/cards';
import { startSimulator, type Simulator } from '../electron/devices/simulator/simulator';
import { invoke, setUpClinic, TEST_CLINIC } from './support/api';
import { openBrowser, screenshot, type BrowserSession } from './support/browser';
import { startClinicServer, type ClinicServer } from './support/server';
import { DevicesPage } from './pages/devices.page';
import { HomePage } from './pages/home.page';
import { LoginPage } from './pages/login.page';
import { RegistrationPage } from './pages/registration.page';

// Scenario 1 (SCENARIOS.md): the front desk with a card reader and a scanner, both simulated on real
// pseudo-terminals (socat) and opened by browser mode through CLINIC_CARD_READER / CLINIC_SCANNER.

const REGISTRAR = { username: 'front', displayName: '赵挂号', password: 'Front2026ok' };
const DOCTOR = { username: 'drli', displayName: '李医生', password: 'Drli2026ok' };
const VOUCHER = 'YBPZ:1:330783196211022131:MFRGGZDFMZTWQ2LKNNWG23TP';
/** 浙江省金华市东阳市横店镇 (shared/data/divisions_cn.csv). */
const HENGDIAN = '330783123';
/** The status bar reads every 5 s and a replugged reader reconnects within ~3 s. */
const DEVICE_WAIT = { timeout: 20_000 };

describe('挂号 at the front desk', () => {
  let reader: Simulator;
  let scanner: Simulator;
  let server: ClinicServer;
  let browser: BrowserSession;
  let registrarSession = '';
  let reg: RegistrationPage;
  let home: HomePage;

  beforeAll(async () => {
    reader = await startSimulator({ mode: 'reader' });
    scanner = await startSimulator({ mode: 'scanner' });
    server = await startClinicServer({ env: { CLINIC_CARD_READER: reader.appPath, CLINIC_SCANNER: scanner.appPath } });
    await setUpClinic(server);
    const admin = await invoke(server, 'auth.login', { username: TEST_CLINIC.adminUsername, password: TEST_CLINIC.adminPassword });
    await invoke(server, 'admin.createUser', { ...REGISTRAR, roles: ['registrar'], departmentCodes: [] }, admin.sessionToken);
    await invoke(server, 'admin.createUser', { ...DOCTOR, roles: ['doctor'], departmentCodes: ['03'] }, admin.sessionToken);
    registrarSession = (await invoke(server, 'auth.login', { username: REGISTRAR.username, password: REGISTRAR.password })).sessionToken;
    // A woman who came before without a card: the registrar finds her by typing "lgl".
    await invoke(
      server,
      'patients.register',
      { patient: { name: '李桂兰', sex: '2', birthDate: '1950-07-21', phone: '13857901234', cards: [], allergies: [] }, acknowledgedDuplicates: false },
      registrarSession,
    );

    browser = await openBrowser();
    reg = new RegistrationPage(browser.page);
    home = new HomePage(browser.page);
    await browser.page.goto(server.url);
    await new LoginPage(browser.page).login(REGISTRAR.username, REGISTRAR.password);
    await reg.waitForScreen();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await reader?.stop();
    await scanner?.stop();
  });

  it('opens at 挂号 with the reader and the scanner connected', async () => {
    expect(await home.openSection()).toBe('registration');
    await expect.poll(() => home.statusSlot('devices').textContent(), DEVICE_WAIT).toContain('读卡器已连接 · 扫码枪已连接');
    await expect.poll(() => reg.deviceChip('card_reader').getAttribute('data-device-status')).toBe('ready');
    expect(await browser.page.getByTestId('key-bar').textContent()).toContain('F8挂号');
    await expect.poll(() => browser.page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('search-input');
    await screenshot(browser.page, '40-registration-ready');
  });

  it('fills the form from an inserted card, jumps to the department and registers into the doctor’s queue', async () => {
    reader.insert(SOCIAL_SECURITY_CARD);
    await expect.poll(() => reg.patientField('name').inputValue()).toBe('张建国');
    expect(await reg.patientField('idNumber').inputValue()).toBe('330783196211022131');
    expect(await reg.patientField('insurance.number').inputValue()).toBe('330783196211022131');
    await expect.poll(() => browser.page.evaluate(() => document.activeElement?.closest('[data-field]')?.getAttribute('data-field'))).toBe('departmentCode');
    await screenshot(browser.page, '41-card-fills-new-patient');

    // An insured newcomer: the social-security card suggests 城乡居民医保, for the registrar to confirm.
    expect(await reg.visitSelect('feeCategory').inputValue()).toBe('resident');
    await reg.chooseDepartment('03');
    await reg.chooseDoctor(DOCTOR.username);
    await reg.press('F8');
    await reg.registered().waitFor();
    expect(await reg.registered().textContent()).toContain('张建国');
    expect(await reg.visitNumber().textContent()).toMatch(/^W01-\d{8}-\d{4,}$/);
    expect(await reg.queueNumber().textContent()).toBe('1');
    await expect.poll(() => reg.todayRow('张建国').textContent()).toContain('李医生');
    await screenshot(browser.page, '42-registered');

    // The slip: one print path, the PDF from the back end, from its button and from F9 alike.
    const [download] = await Promise.all([browser.page.waitForEvent('download'), reg.registered().getByRole('button', { name: '打开挂号单 PDF' }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.pdf$/);
    expect((await readFile(await download.path())).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const [fromF9] = await Promise.all([browser.page.waitForEvent('download'), reg.press('F9')]);
    expect(fromF9.suggestedFilename()).toBe(download.suggestedFilename());

    const queue = await invoke(server, 'visits.queue', { departmentCode: '03', doctorUsername: DOCTOR.username }, registrarSession);
    expect(queue.waiting.map((v) => v.patient.name)).toEqual(['张建国']);
    expect(queue.waiting[0].doctor?.username).toBe(DOCTOR.username);
  });

  it('finds the patient on file when the card comes again', async () => {
    reader.remove();
    await browser.page.waitForTimeout(1_000); // the reader's slot is polled every 0.7 s
    reader.insert(SOCIAL_SECURITY_CARD);
    await expect.poll(() => reg.selectedName().textContent()).toBe('张建国');
    await expect.poll(() => browser.page.evaluate(() => document.activeElement?.closest('[data-field]')?.getAttribute('data-field'))).toBe('departmentCode');
    expect(await reg.visitSelect('departmentCode').inputValue()).toBe('03');
    expect(await reg.visitSelect('visitType').inputValue()).toBe('return');
    expect(await reg.visitSelect('feeCategory').inputValue()).toBe('resident');
    reader.remove();
    await reg.press('Escape');
    await reg.press('Escape');
    await expect.poll(() => reg.selectedPatient().count()).toBe(0);
  });

  it('finds the patient by insurance number from a scanned e-voucher', async () => {
    await scanner.scan(VOUCHER);
    await expect.poll(() => reg.selectedName().textContent()).toBe('张建国');
    expect(await reg.message().textContent()).toContain('张建国');
    await screenshot(browser.page, '43-voucher-scanned');
    await reg.press('Escape');
    await reg.press('Escape');
  });

  it('finds a returning patient by pinyin initials, chosen with the keyboard', async () => {
    await reg.search('lgl');
    await expect.poll(() => reg.results().first().textContent()).toContain('李桂兰');
    expect(await reg.searchKind().textContent()).toBe('按拼音查找');
    await screenshot(browser.page, '44-search-pinyin-initials');
    await reg.press('Enter');
    await expect.poll(() => reg.selectedName().textContent()).toBe('李桂兰');
    await reg.press('Escape');
    await reg.press('Escape');
  });

  it('shows a wrong ID number next to the field as it is typed, and fills birth date and sex once it is right', async () => {
    await reg.press('F7');
    await reg.newPatientForm().waitFor();
    await expect.poll(() => browser.page.evaluate(() => document.activeElement?.closest('[data-field]')?.getAttribute('data-field'))).toBe('name');
    await browser.page.keyboard.type('王小明');
    await reg.patientField('idNumber').pressSequentially('330783195603141283');
    await expect.poll(() => reg.patientError('idNumber').textContent()).toContain('校验位不对');
    await screenshot(browser.page, '45-invalid-id-number');

    await reg.patientField('idNumber').press('Backspace');
    await reg.patientField('idNumber').press('2');
    await expect.poll(() => reg.patientError('idNumber').count()).toBe(0);
    expect(await reg.patientField('birthDate').inputValue()).toBe('1956-03-14');
    expect(await reg.newPatientForm().locator('[data-field="sex"] select').inputValue()).toBe('2');

    await reg.press('F8');
    await expect.poll(() => reg.visitForm().locator('[data-error-for="departmentCode"]').textContent()).toBe('请选择科室');
  });

  it('saves the typed patient with an address picked down to the township, and registers the visit', async () => {
    for (const [level, code] of [
      ['1', '33'],
      ['2', '3307'],
      ['3', '330783'],
      ['4', HENGDIAN],
    ] as const) {
      await reg.newPatientForm().locator(`[data-field="address.level${level}"] select`).selectOption(code);
    }
    await reg.patientField('address.detail').fill('八仙村三组 12 号');
    await reg.patientField('phone').fill('1390579');
    await reg.chooseDepartment('07');
    await reg.press('F8');
    await expect.poll(() => reg.patientError('phone').textContent()).toContain('手机号码应为 1 开头的 11 位数字');
    await reg.patientField('phone').fill('13905795678');
    await reg.press('F8');
    await reg.registered().waitFor();
    expect(await reg.registered().textContent()).toContain('王小明');

    const found = await invoke(server, 'patients.search', { query: '王小明', limit: 5 }, registrarSession);
    const saved = await invoke(server, 'patients.get', { id: found.results[0].id }, registrarSession);
    expect(saved.form).toMatchObject({
      idNumber: '330783195603141282',
      sex: '2',
      birthDate: '1956-03-14',
      address: { divisionCode: HENGDIAN, detail: '八仙村三组 12 号' },
    });
  });

  it('warns of a possible duplicate before saving, and uses the record on file', async () => {
    await reg.press('F7');
    await browser.page.keyboard.type('李桂兰');
    await reg.newPatientForm().locator('[data-field="sex"] select').selectOption('2');
    await reg.patientField('birthDate').fill('19500721');
    await reg.chooseDepartment('03');
    await reg.press('F8');
    await reg.duplicateWarning().waitFor();
    expect(await reg.duplicateWarning().textContent()).toContain('李桂兰');
    await screenshot(browser.page, '45b-duplicate-warning');
    await reg.duplicateWarning().getByRole('button', { name: '使用此档案' }).click();
    await expect.poll(() => reg.selectedName().textContent()).toBe('李桂兰');
    // Keyboard only: Enter walks department → doctor → visit type → fee category, and registers.
    await expect.poll(() => browser.page.evaluate(() => document.activeElement?.closest('[data-field]')?.getAttribute('data-field'))).toBe('departmentCode');
    for (let i = 0; i < 4; i += 1) await reg.press('Enter');
    await reg.registered().waitFor();
    expect(await reg.registered().textContent()).toContain('李桂兰');
    const found = await invoke(server, 'patients.search', { query: '李桂兰', limit: 5 }, registrarSession);
    expect(found.results).toHaveLength(1);
  });

  it('cancels a visit with a reason', async () => {
    await reg.cancelVisit('张建国', '改');
    await expect.poll(() => reg.cancelForm().locator('[data-error-for="reason"]').textContent()).toContain('至少 2 个字');
    await reg.cancelForm().locator('input').fill('患者改日再来');
    await reg.cancelForm().locator('input').press('Enter');
    await expect.poll(() => reg.todayRow('张建国').getAttribute('data-visit-status')).toBe('cancelled');
    expect(await reg.todayRow('张建国').textContent()).toContain('患者改日再来');
    await screenshot(browser.page, '46-visit-cancelled');
    const queue = await invoke(server, 'visits.queue', { departmentCode: '03', doctorUsername: DOCTOR.username }, registrarSession);
    expect(queue.waiting.map((v) => v.patient.name)).not.toContain('张建国');
  });

  it('says so when the reader is unplugged, and carries on when it is back', async () => {
    await reader.unplug();
    await expect.poll(() => home.statusSlot('devices').textContent(), DEVICE_WAIT).toContain('读卡器已断开');
    await expect.poll(() => reg.deviceChip('card_reader').getAttribute('data-device-status')).toBe('disconnected');
    expect(await browser.page.getByTestId('device-problems').textContent()).toContain('重新插上后会自动连接');
    await browser.page.locator('main').evaluate((main) => main.scrollTo(0, 0));
    await screenshot(browser.page, '47-reader-unplugged');
    await reader.replug();
    await expect.poll(() => home.statusSlot('devices').textContent(), DEVICE_WAIT).toContain('读卡器已连接');
    await expect.poll(() => reg.deviceChip('card_reader').getAttribute('data-device-status')).toBe('ready');
    expect(await browser.page.getByTestId('device-problems').count()).toBe(0);
    // F6 reads on demand; with the slot empty it says what to do.
    await reg.press('F6');
    await expect.poll(() => reg.message().textContent()).toBe('未检测到卡片，请将卡片芯片朝上插入读卡器');
  });

  it('shows the device settings under 管理 and test-reads the reader', async () => {
    const devices = new DevicesPage(browser.page);
    await home.pressShortcut('F5');
    await devices.panel().waitFor();
    expect(await devices.path('card_reader').inputValue()).toBe(reader.appPath);
    expect(await devices.panel().textContent()).toContain('环境变量');
    reader.insert(RESIDENT_HEALTH_CARD);
    await devices.testRead('card_reader');
    await expect.poll(() => devices.testResult('card_reader').textContent()).toContain('王秀英');
    expect(await devices.testResult('card_reader').textContent()).toContain('读卡器应答正常');
    await screenshot(browser.page, '48-device-settings');
    reader.remove();
    await home.pressShortcut('F1');
    await reg.waitForScreen();
  });

  it('ran without errors in the page', () => {
    expect(browser.pageErrors).toEqual([]);
  });
});
