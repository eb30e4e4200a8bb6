import { describe, expect, it } from 'vitest';
import { archiveCaseBarcode, insuranceVoucherPayload, patientBarcode } from './barcode-formats';
import { classifyScan } from './classify-scan';

describe('classifyScan', () => {
  it('recognises an insurance e-voucher and extracts the insurance number', () => {
    const payload = insuranceVoucherPayload('330783196211022131', 'MFRGGZDFMZTWQ2LKNNWG23TPOBYXE4TT');
    expect(classifyScan(payload)).toEqual({
      kind: 'insurance_voucher',
      text: payload,
      insuranceNumber: '330783196211022131',
      token: 'MFRGGZDFMZTWQ2LKNNWG23TPOBYXE4TT',
    });
  });

  it('recognises patient labels for hashed and ULID patient ids', () => {
    const hashed = `patient:h${'0123456789abcdef'.repeat(2)}`;
    expect(classifyScan(patientBarcode(hashed))).toMatchObject({ kind: 'patient', patientId: hashed });
    expect(classifyScan(patientBarcode('patient:01HZY3M5V6W7X8Y9Z0ABCDEFGH'))).toMatchObject({
      kind: 'patient',
      patientId: 'patient:01HZY3M5V6W7X8Y9Z0ABCDEFGH',
    });
  });

  it('recognises record-folder labels', () => {
    expect(classifyScan(archiveCaseBarcode('hengdian-2025-000123'))).toEqual({
      kind: 'archive_case',
      text: 'BA-hengdian-2025-000123',
      caseNumber: 'hengdian-2025-000123',
    });
  });

  it('says what is wrong with anything else, in Chinese', () => {
    expect(classifyScan('YBPZ:1:33078319:short')).toMatchObject({ kind: 'unknown', hint: expect.stringContaining('医保电子凭证') });
    expect(classifyScan('6901234567892')).toMatchObject({ kind: 'unknown', hint: expect.stringContaining('无法识别') });
    expect(classifyScan('PT-not-an-id')).toMatchObject({ kind: 'unknown' });
    expect(classifyScan('王秀英')).toMatchObject({ kind: 'unknown' });
  });
});
