import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invoke } from './support/api';
import { screenshot, type BrowserSession } from './support/browser';
import { startClinicServer } from './support/server';
import { LoginPage } from './pages/login.page';
import { DOCTOR, DoctorClinic, PIN } from './pages/outpatient-clinic.page';
import type { OutpatientPage } from './pages/outpatient.page';

// Scenario 2 (SCENARIOS.md): the front desk registers, the doctor calls, writes from a template,
// codes the diagnosis by pinyin initials, prescribes (an allergy warning answered), signs, completes.

describe('门诊: the doctor sees a registered patient', () => {
  let clinic: DoctorClinic;
  let browser: BrowserSession;
  let page: OutpatientPage;

  beforeAll(async () => {
    clinic = await DoctorClinic.open();
    await invoke(
      clinic.server,
      'outpatient.saveTemplate',
      { scope: 'personal', name: '高血压复诊', fields: { chief_complaint: '头晕 3 天', plan: '低盐饮食，两周后复诊。' } },
      clinic.doctorSession,
    );
    ({ browser, page } = await clinic.doctorAtScreen());
  });

  afterAll(async () => {
    await browser?.close();
    await clinic?.server.stop();
  });

  it('calls, writes from a template, codes by initials, prescribes, signs and completes; the front desk sees 已就诊', async () => {
    const visit = await clinic.register('王秀英', [{ substance: '青霉素' }]);
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
    // Alt+J: 结束就诊 from the keyboard, as the button says.
    await browser.page.keyboard.press('Alt+J');
    await expect.poll(async () => (await page.banner().textContent()) ?? '').toContain('已就诊');
    const today = await invoke(clinic.server, 'visits.listToday', {}, clinic.front);
    await expect
      .poll(async () => (await invoke(clinic.server, 'visits.listToday', {}, clinic.front)).visits.find((v) => v.id === visit.id)?.statusLabel)
      .toBe('已就诊');
    expect(today.visits.length).toBeGreaterThan(0);
    await screenshot(browser.page, 'outpatient-completed');

    // 更正 (WR-05): the original stays, the amendment carries its reason and its difference, both signed.
    await expect.poll(() => page.versions().count()).toBe(1);
    await page.amend('chief_complaint', '头晕 5 天', '主诉天数笔误', PIN);
    await expect.poll(() => page.versions().count()).toBe(2);
    const amended = page.version(1);
    expect(await amended.getByTestId('amend-reason').textContent()).toBe('原因：主诉天数笔误');
    expect(await amended.locator('[data-changed-field="chief_complaint"] [data-diff="removed"]').textContent()).toBe('3');
    expect(await amended.locator('[data-changed-field="chief_complaint"] [data-diff="added"]').textContent()).toBe('5');
    expect(await amended.textContent()).toContain('李医生');
    expect(await page.version(0).getByTestId('signature-badge').getAttribute('data-status')).toBe('verified');
    expect(await amended.getByTestId('signature-badge').getAttribute('data-status')).toBe('verified');
    await screenshot(browser.page, 'outpatient-amended');
  });

  it('keeps the typing of a visit through a crash: the reopened visit has the autosaved draft', async () => {
    const visit = await clinic.register('刘桂芳', []);
    await browser.page.keyboard.press('F6');
    await expect.poll(() => page.bannerName()).toBe('刘桂芳');
    await page.noteField('present_illness').fill('咳嗽 5 天，夜间加重，无发热。');
    await page.draftSaved().waitFor({ timeout: 10_000 });

    const dataDir = clinic.server.dataDir;
    await clinic.server.kill();
    clinic.server = await startClinicServer({ dataDir });
    await browser.page.goto(clinic.server.url);
    await new LoginPage(browser.page).login(DOCTOR.username, DOCTOR.password);
    await page.screen().waitFor();
    await page.openVisit(visit.id);
    await expect.poll(() => page.noteField('present_illness').inputValue()).toBe('咳嗽 5 天，夜间加重，无发热。');
  });
});
