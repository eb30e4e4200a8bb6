import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invoke, setUpClinic, TEST_CLINIC } from './support/api';
import { openBrowser, screenshot, type BrowserSession } from './support/browser';
import { startClinicServer, type ClinicServer } from './support/server';
import { LoginPage } from './pages/login.page';
import { PatientEditMergePage } from './pages/patient-edit-merge.page';

// 修改资料 with the record's revision (and a conflict with another workstation's save), then
// 合并重复档案 and 撤销合并. Patients and visits are made through the API to keep this quick.

const REGISTRAR = { username: 'front2', displayName: '钱挂号', password: 'Front2026ok' };
const ELDER = { name: '王秀英', sex: '2', birthDate: '1948-05-02', phone: '13800000001' } as const;
const TWIN = { name: '陈德明', sex: '1', birthDate: '1952-11-03' } as const;

describe('修改资料 and 合并重复档案', () => {
  let server: ClinicServer;
  let browser: BrowserSession;
  let ui: PatientEditMergePage;
  let session = '';
  let elderId = '';
  let twinA = '';
  let twinB = '';

  const get = (id: string) => invoke(server, 'patients.get', { id }, session);

  beforeAll(async () => {
    server = await startClinicServer();
    await setUpClinic(server);
    const admin = await invoke(server, 'auth.login', { username: TEST_CLINIC.adminUsername, password: TEST_CLINIC.adminPassword });
    await invoke(server, 'admin.createUser', { ...REGISTRAR, roles: ['registrar'], departmentCodes: [] }, admin.sessionToken);
    session = (await invoke(server, 'auth.login', { username: REGISTRAR.username, password: REGISTRAR.password })).sessionToken;
    elderId = (await invoke(server, 'patients.register', { patient: { ...ELDER, cards: [], allergies: [] }, acknowledgedDuplicates: false }, session)).id;
    // One man, two records: registered twice with different phones, one visit on each.
    twinA = (
      await invoke(
        server,
        'patients.register',
        { patient: { ...TWIN, phone: '13900000011', cards: [], allergies: [] }, acknowledgedDuplicates: false },
        session,
      )
    ).id;
    twinB = (
      await invoke(server, 'patients.register', { patient: { ...TWIN, phone: '13900000022', cards: [], allergies: [] }, acknowledgedDuplicates: true }, session)
    ).id;
    for (const [patientId, departmentCode] of [
      [twinA, '03'],
      [twinB, '04'],
    ] as const) {
      await invoke(server, 'visits.register', { patientId, departmentCode, visitType: 'first', feeCategory: 'self' }, session);
    }

    browser = await openBrowser();
    ui = new PatientEditMergePage(browser.page);
    await browser.page.goto(server.url);
    await new LoginPage(browser.page).login(REGISTRAR.username, REGISTRAR.password);
    await browser.page.getByTestId('registration').waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('edits a patient’s phone, checking the ID number as it is typed', async () => {
    await ui.choose(ELDER.name);
    await ui.openEdit();
    expect(await ui.editField('name').inputValue()).toBe(ELDER.name);
    expect(await ui.editField('phone').inputValue()).toBe(ELDER.phone);

    await ui.editField('idNumber').pressSequentially('110105194805020020');
    await expect.poll(() => ui.editError('idNumber').textContent()).toContain('校验位不对');
    await ui.editField('idNumber').fill('');

    await ui.editField('phone').fill('1391234');
    await ui.saveButton().click();
    await expect.poll(() => ui.editError('phone').textContent()).toContain('手机号码');
    await ui.editField('phone').fill('13912345678');
    // One stray Esc does not throw the edit away; it says what a second one would do.
    await ui.editField('phone').press('Escape');
    await expect.poll(() => ui.page.getByTestId('edit-note').textContent()).toContain('再按一次 Esc');
    // F8 only registers: inside 修改资料 it says how to save (Ctrl+S) and leaves the edit as it is.
    await ui.editField('phone').press('F8');
    await expect.poll(() => ui.message().textContent()).toContain('Ctrl+S');
    expect(await ui.editPanel().count()).toBe(1);
    await ui.editField('phone').press('Control+s');
    await expect.poll(() => ui.message().textContent()).toContain(`已保存 ${ELDER.name} 的资料`);
    expect(await ui.editPanel().count()).toBe(0);
    expect((await get(elderId)).form.phone).toBe('13912345678');
  });

  it('says plainly when someone else saved first, reloads the latest, and saves the edit on top of it', async () => {
    await ui.openEdit();
    // Another workstation changes the address while this one is typing.
    const before = await get(elderId);
    await invoke(server, 'patients.update', { id: elderId, rev: before.rev, patient: { ...before.form, address: { detail: '前村三组 8 号' } } }, session);

    await ui.editField('phone').fill('13700000000');
    await ui.saveButton().click();
    await ui.conflict().waitFor();
    expect(await ui.conflict().textContent()).toContain('刚被别人改过');
    expect(await ui.conflict().textContent()).toContain('电话');
    await screenshot(browser.page, '50-edit-conflict');

    await ui.conflict().getByRole('button', { name: '载入最新资料' }).click();
    await expect.poll(() => ui.editField('address.detail').inputValue()).toBe('前村三组 8 号');
    expect(await ui.editField('phone').inputValue()).toBe('13912345678');
    await ui.conflict().getByRole('button', { name: '把我的修改填回去' }).click();
    expect(await ui.editField('phone').inputValue()).toBe('13700000000');
    await ui.saveButton().click();
    await expect.poll(() => ui.message().textContent()).toContain('已保存');

    const after = await get(elderId);
    expect(after.form.phone).toBe('13700000000');
    expect(after.form.address?.detail).toBe('前村三组 8 号');
  });

  it('merges two records of one man: side by side, the survivor chosen, confirmed; the survivor shows both visits', async () => {
    await browser.page.keyboard.press('Escape');
    await ui.choose(TWIN.name);
    const current = await ui.page.getByTestId('selected-patient').getAttribute('data-patient-id');
    const other = current === twinA ? twinB : twinA;
    await ui.openMerge();
    await ui.candidate(other).getByRole('button', { name: '比较' }).click();
    await ui.compare().waitFor();
    expect(await ui.compareRow('phone').getAttribute('data-differs')).toBe('true');
    expect(await ui.compareRow('name').getAttribute('data-differs')).toBeNull();
    expect(await ui.compareRow('birthDate').getAttribute('data-differs')).toBeNull();

    await ui.keep('left');
    expect(await ui.page.getByTestId('merge-role-right').textContent()).toBe('并入');
    await ui.mergePanel().getByRole('button', { name: '合并…' }).click();
    await ui.confirm().waitFor();
    expect(await ui.confirm().textContent()).toContain('撤销合并');
    await screenshot(browser.page, '51-merge-confirm');
    await ui.confirm().getByRole('button', { name: '确认合并' }).click();

    await ui.mergedRecords().waitFor();
    expect(await ui.message().textContent()).toContain('已并入');
    await expect.poll(() => ui.mergedVisits().count()).toBe(2);
    expect(await ui.mergedRecords().locator(`li[data-patient-id="${other}"]`).textContent()).toContain('已并入本档案');
    await screenshot(browser.page, '52-merged-survivor');

    expect((await get(other)).mergedInto).toBe(current);
    expect((await get(current ?? '')).visits.map((v) => v.patientId).sort()).toEqual([twinA, twinB].sort());
  });

  it('undoes the merge from the survivor', async () => {
    const survivor = (await ui.page.getByTestId('selected-patient').getAttribute('data-patient-id')) ?? '';
    const absorbed = survivor === twinA ? twinB : twinA;
    await ui.mergedRecords().getByRole('button', { name: '撤销合并' }).click();
    await ui.page.getByTestId('unmerge-confirm').getByRole('button', { name: '确定撤销' }).click();
    await expect.poll(() => ui.message().textContent()).toContain('已撤销合并');
    await expect.poll(() => ui.mergedRecords().count()).toBe(0);

    expect((await get(absorbed)).mergedInto).toBeNull();
    expect((await get(survivor)).visits.map((v) => v.patientId)).toEqual([survivor]);
    expect(browser.pageErrors).toEqual([]);
  });
});
