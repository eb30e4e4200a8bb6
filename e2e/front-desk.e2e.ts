/**
 * The front desk as staff found it on a 1366×768 screen, on a PC whose clock zone is UTC (server and
 * page): long names, two patients of one name, the keyboard through the new-patient form, a card
 * read, the order and numbers of today's list, the slip from F9, the wording, and every time on
 * screen and on the slip in the clinic's (Beijing) time.
 */
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RESIDENT_HEALTH_CARD } from '../electron/devices/testing/cards';
import { startSimulator, type Simulator } from '../electron/devices/simulator/simulator';
import type { VisitView } from '../shared/api';
import { clinicDateTime, clinicTime } from '../shared/time/clinic-time';
import { invoke, setUpClinic, TEST_CLINIC } from './support/api';
import { screenshot, type BrowserSession } from './support/browser';
import { startClinicServer, type ClinicServer } from './support/server';
import { openLoggedIn } from './pages/login.page';
import { RegistrationPage } from './pages/registration.page';

const REGISTRAR = { username: 'desk', displayName: '钱挂号', password: 'Desk2026ok' };
const DOCTOR = { username: 'drzhou', displayName: '周医生', password: 'Drzhou2026ok' };
/** A 40-character name, the master index's limit (a 少数民族 name written in full). */
const LONG_NAME = '阿卜杜热合曼·买买提明·艾合买提江·热合木吐拉·阿不都克力木·吐尔逊'.padEnd(40, '江');
const HENGDIAN = '330783123';
const WEISHAN = '330783106';

describe('the front desk at 1366×768 on a PC set to UTC', () => {
  let reader: Simulator;
  let server: ClinicServer;
  let browser: BrowserSession;
  let reg: RegistrationPage;
  let session = '';
  const visits: Record<string, VisitView> = {};

  const registerPatient = async (patient: Record<string, unknown>) =>
    (await invoke(server, 'patients.register', { patient: { cards: [], allergies: [], ...patient } as never, acknowledgedDuplicates: true }, session)).id;
  const registerVisit = (patientId: string, departmentCode: string, doctorUsername?: string) =>
    invoke(
      server,
      'visits.register',
      { patientId, departmentCode, visitType: 'first', feeCategory: 'self', ...(doctorUsername ? { doctorUsername } : {}) },
      session,
    );

  /** Finds the patient with the 40-character name by its first characters and chooses him with Enter. */
  const chooseLongNamedPatient = async () => {
    await reg.search(LONG_NAME.slice(0, 6));
    await expect.poll(() => reg.results().count()).toBe(1);
    await reg.press('Enter');
    await expect.poll(() => reg.selectedPatient().count()).toBe(1);
  };

  beforeAll(async () => {
    reader = await startSimulator({ mode: 'reader' });
    server = await startClinicServer({ env: { TZ: 'UTC', CLINIC_CARD_READER: reader.appPath } });
    await setUpClinic(server);
    const admin = await invoke(server, 'auth.login', { username: TEST_CLINIC.adminUsername, password: TEST_CLINIC.adminPassword });
    await invoke(server, 'admin.createUser', { ...REGISTRAR, roles: ['registrar'], departmentCodes: [] }, admin.sessionToken);
    await invoke(server, 'admin.createUser', { ...DOCTOR, roles: ['doctor'], departmentCodes: ['03'] }, admin.sessionToken);
    session = (await invoke(server, 'auth.login', { username: REGISTRAR.username, password: REGISTRAR.password })).sessionToken;

    // Two women of one name, told apart by where they live and where they were last seen.
    const eastId = await registerPatient({
      name: '王秀英',
      sex: '2',
      birthDate: '1950-05-01',
      phone: '13857901234',
      address: { divisionCode: HENGDIAN, detail: '八仙村三组 12 号' },
    });
    const westId = await registerPatient({ name: '王秀英', sex: '2', birthDate: '1968-09-12', address: { divisionCode: WEISHAN, detail: '下湖头村 5 号' } });
    const longId = await registerPatient({ name: LONG_NAME, sex: '1', birthDate: '1980-01-15' });
    visits.east = await registerVisit(eastId, '03');
    visits.west = await registerVisit(westId, '04');
    visits.long = await registerVisit(longId, '03', DOCTOR.username);

    browser = await openLoggedIn(server, REGISTRAR.username, REGISTRAR.password);
    reg = new RegistrationPage(browser.page);
    await reg.waitForScreen();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await reader?.stop();
  });

  it('numbers the queue per department whatever doctor is chosen (one 1号 per department)', () => {
    expect(visits.east.queueNumber).toBe(1);
    expect(visits.long.queueNumber).toBe(2);
    expect(visits.west.queueNumber).toBe(1);
  });

  it('keeps the today list columns at their width, cuts a 40-character name and shows it whole on focus, in Beijing time', async () => {
    const row = reg.todayRow(LONG_NAME.slice(0, 6));
    await row.scrollIntoViewIfNeeded();
    await expect.poll(() => row.count()).toBe(1);
    // Every cell one line high: 序号, 类型, 状态 and 退号 do not wrap character by character.
    const heights = await row.locator('td').evaluateAll((cells) => cells.map((cell) => cell.getBoundingClientRect().height));
    expect(Math.max(...heights)).toBeLessThan(56);
    const headers = await reg
      .todayList()
      .locator('thead th')
      .evaluateAll((cells) => cells.map((cell) => cell.getBoundingClientRect().height));
    expect(Math.max(...headers)).toBeLessThan(48);
    const patientCell = row.locator('td').nth(3);
    expect(await patientCell.getAttribute('title')).toContain(LONG_NAME);
    expect(await patientCell.locator('div').evaluate((div) => div.scrollWidth > div.clientWidth)).toBe(true);
    // The clinic's time, not the PC's: the row says 16:03 where the PC's clock says 08:03.
    const beijing = clinicTime(visits.long.registeredAt);
    expect(await row.locator('td').nth(2).textContent()).toBe(beijing);
    expect(beijing).not.toBe(visits.long.registeredAt.slice(11, 16));
    await screenshot(browser.page, '70-today-list-long-name', { fullPage: false });

    await row.focus();
    await expect.poll(() => patientCell.locator('div').evaluate((div) => div.scrollWidth <= div.clientWidth)).toBe(true);
  });

  it('lists the waiting first in queue order and a cancelled visit at the bottom, with one word for finished', async () => {
    await invoke(server, 'visits.cancel', { id: visits.east.id, rev: visits.east.rev, reason: '患者改日再来' }, session);
    await reg.todayList().getByRole('button', { name: '刷新' }).click();
    await expect.poll(() => reg.todayRows().last().getAttribute('data-visit-status')).toBe('cancelled');
    expect(await reg.todayRows().first().getAttribute('data-visit-status')).toBe('waiting');
    const counts = await reg.todayCounts().textContent();
    expect(counts).toContain('已就诊');
    expect(counts).not.toContain('已完成');
  });

  it('shows where each 王秀英 lives and her last visit in full', async () => {
    await reg.search('王秀英');
    await expect.poll(() => reg.results().count()).toBe(2);
    const east = reg.resultWith('横店镇');
    const west = reg.resultWith('巍山镇');
    expect(await east.locator('[data-hit-place]').textContent()).toBe('横店镇 八仙村三组 12 号');
    expect(await west.locator('[data-hit-place]').textContent()).toBe('巍山镇 下湖头村 5 号');
    expect(await west.locator('[data-hit-last-visit]').textContent()).toBe(
      `上次 ${visits.west.visitNumber.slice(4, 8)}-${visits.west.visitNumber.slice(8, 10)}-${visits.west.visitNumber.slice(10, 12)} 外科`,
    );
    for (const part of ['[data-hit-place]', '[data-hit-last-visit]']) {
      for (const hit of [east, west]) expect(await hit.locator(part).evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    }
    await browser.page.locator('main').evaluate((main) => main.scrollTo(0, 0));
    await screenshot(browser.page, '71-search-common-name', { fullPage: false });
  });

  it('finds a patient by the first three or the last four digits of the phone', async () => {
    await reg.search('138');
    await expect.poll(() => reg.resultWith('横店镇').count()).toBe(1);
    await reg.search('1234');
    await expect.poll(() => reg.resultWith('横店镇').count()).toBe(1);
    await reg.searchInput().fill('');
  });

  it('warns when the patient already has an open visit in the department today', async () => {
    await chooseLongNamedPatient();
    await reg.chooseDepartment('03');
    await reg.press('F8');
    await expect.poll(() => browser.page.getByTestId('error-banner').textContent()).toContain('不用重复挂号');
    await reg.clear();
  });

  it('refuses a name over the limit and says the limit, keeping every character typed', async () => {
    await reg.press('F7');
    await reg.newPatientForm().waitFor();
    await reg.patientField('name').fill(`${LONG_NAME}多`);
    expect(await reg.patientField('name').inputValue()).toHaveLength(41);
    await expect.poll(() => reg.patientError('name').textContent()).toBe('姓名最多 40 个字，现在是 41 个字，请核对');
    // The wording staff use: 居民身份证 first, sexes as 未知/未说明, a date that does not exist said so.
    expect(await reg.patientSelect('idType').locator('option').first().textContent()).toBe('居民身份证');
    expect(await reg.patientSelect('sex').locator('option').allTextContents()).not.toContain('未知的性别');
    await reg.patientField('birthDate').fill('2026-02-29');
    await reg.press('F8');
    await expect.poll(() => reg.patientError('birthDate').textContent()).toBe('日历上没有 2026-02-29 这一天，请核对出生日期');
    await reg.clear();
  });

  it('walks the new-patient form by keyboard: derived fields skipped, pinyin initials in selects, the township waited for', async () => {
    await reg.press('F7');
    await expect.poll(() => reg.focusedField()).toBe('name');
    await browser.page.keyboard.type('赵桂芳');
    await reg.press('Enter');
    expect(await reg.focusedField()).toBe('idType');
    await reg.press('Enter');
    await browser.page.keyboard.type('11010519491231002X');
    await reg.press('Enter');
    // Sex and birth date came from the ID number: Enter passes them by, Shift+Tab still reaches them.
    await expect.poll(() => reg.focusedField()).toBe('ethnicity');
    expect(await reg.patientSelect('sex').inputValue()).toBe('2');
    await browser.page.keyboard.type('hz');
    await expect.poll(() => reg.patientSelect('ethnicity').inputValue()).toBe('01');
    await reg.press('Shift+Tab');
    expect(await reg.focusedField()).toBe('birthDate');
    await reg.press('Shift+Tab');
    expect(await reg.focusedField()).toBe('sex');

    // 县（区） chosen and Enter at once: the cursor waits for 乡镇（街道） instead of skipping to 详细地址.
    await reg.patientSelect('address.level1').selectOption('33');
    await reg.patientSelect('address.level2').selectOption('3307');
    await reg.patientSelect('address.level3').selectOption('330783');
    await reg.patientSelect('address.level3').press('Enter');
    await expect.poll(() => reg.focusedField()).toBe('address.level4');
    await browser.page.keyboard.type('hd');
    await expect.poll(() => reg.patientSelect('address.level4').inputValue()).toBe(HENGDIAN);

    // The form says which key does what; Enter on its last field goes on to the department.
    expect(await reg.keyHint().textContent()).toContain('F8 保存档案并挂号');
    await reg.patientField('allergies.0.reaction').focus();
    await reg.press('Enter');
    await expect.poll(() => reg.focusedField()).toBe('departmentCode');
    await browser.page.keyboard.type('wk');
    await expect.poll(() => reg.visitSelect('departmentCode').inputValue()).toBe('04');
    await reg.clear();
  });

  it('fills the new-patient form from a card, address levels included', async () => {
    reader.insert(RESIDENT_HEALTH_CARD);
    await expect.poll(() => reg.patientField('name').inputValue()).toBe('王秀英');
    await expect.poll(() => reg.patientSelect('address.level4').inputValue()).toBe(HENGDIAN);
    expect(await reg.patientField('address.detail').inputValue()).toContain('八仙村');
    await reg.newPatientForm().evaluate((form) => form.parentElement?.scrollIntoView({ block: 'start' }));
    await screenshot(browser.page, '72-new-patient-from-card', { fullPage: false });
    reader.remove();
    await reg.clear();
  });

  it('opens the slip PDF from F9, as from its button, with the time in Beijing time', async () => {
    await chooseLongNamedPatient();
    await reg.chooseDepartment('04');
    await reg.press('F8');
    await reg.registered().waitFor();
    const [download] = await Promise.all([browser.page.waitForEvent('download'), reg.press('F9')]);
    expect(download.suggestedFilename()).toMatch(/^挂号单-W01-\d{8}-\d{4,}\.pdf$/);
    await expect.poll(() => reg.registered().textContent()).toContain('挂号单已打开');
    const text = execFileSync('pdftotext', ['-layout', await download.path(), '-'], { encoding: 'utf8' });
    const listed = await invoke(server, 'visits.listToday', { departmentCode: '04' }, session);
    const slipVisit = listed.visits.find((v) => v.patient.name === LONG_NAME);
    expect(slipVisit).toBeDefined();
    expect(text).toContain(clinicDateTime(slipVisit!.registeredAt));
  });

  it('ran without errors in the page', () => {
    expect(browser.pageErrors).toEqual([]);
  });
});
