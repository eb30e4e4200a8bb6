/** 门诊日志's 职业: typed at registration, kept on the patient (version 2), listed and exported from the record. */
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { chinaDateOf } from '../../../shared/identity/dates';
import { mustRegister, openRegistrationApp, residentForm, type RegistrationTestApp } from '../../ipc/testing/registration-fixtures';

let t: RegistrationTestApp;
beforeEach(async () => {
  t = await openRegistrationApp();
});
afterEach(() => t.close());

describe('the 门诊日志 occupation', () => {
  it('comes from the registration form, is stored on the patient, and appears on screen and in the XLSX', async () => {
    const { patient } = await mustRegister(t, residentForm('赵大山', '1958-07-01', 3, { occupation: '农民' }));
    const visit = await t.call('visits.register', { patientId: patient.id, departmentCode: '03', visitType: 'first', feeCategory: 'self' }, t.registrar);
    expect(visit.ok).toBe(true);
    expect(t.app.context.data.store.get(patient.id)).toMatchObject({ schema_version: 2, occupation: '农民' });

    const today = chinaDateOf(new Date());
    const log = await t.call('outpatient.log', { from: today, to: today }, t.doctor);
    expect(log).toMatchObject({ ok: true, value: { rows: [{ name: '赵大山', occupation: '农民' }] } });
    const exported = await t.call('outpatient.logExport', { from: today, to: today, format: 'xlsx' }, t.doctor);
    if (!exported.ok) throw new Error(exported.error.message);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(exported.value.base64, 'base64') as unknown as ArrayBuffer);
    const values = book.worksheets[0].getSheetValues().flat().map(String);
    expect(values).toContain('职业');
    expect(values).toContain('农民');
  });

  it('refuses an occupation longer than the card’s field, and leaves it out when not given', async () => {
    const long = await t.call(
      'patients.register',
      { patient: residentForm('钱小川', '1990-01-01', 5, { occupation: '农'.repeat(21) }), acknowledgedDuplicates: false },
      t.registrar,
    );
    expect(long).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    const { patient } = await mustRegister(t, residentForm('孙小河', '1990-01-02', 7));
    expect(t.app.context.data.store.get(patient.id)).not.toHaveProperty('occupation');
  });
});
