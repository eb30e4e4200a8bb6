import { describe, expect, it } from 'vitest';
import { checkVisit, EMPTY_VISIT, toVisitInput, visitDefaultsFor } from './visit-draft';

describe('visit draft', () => {
  it('sends a returning patient back to the last department as 复诊, paying as recorded', () => {
    expect(visitDefaultsFor(EMPTY_VISIT, { lastDepartmentCode: '03', feeCategory: 'rural' }, 'self')).toMatchObject({
      departmentCode: '03',
      visitType: 'return',
      feeCategory: 'rural',
    });
    expect(visitDefaultsFor(EMPTY_VISIT, { lastDepartmentCode: null, feeCategory: null }, 'self')).toMatchObject({
      departmentCode: '',
      visitType: 'first',
      feeCategory: 'self',
    });
  });

  it('keeps what the registrar chose by hand', () => {
    const chosen = { ...EMPTY_VISIT, departmentCode: '07', visitType: 'emergency' as const, touched: ['departmentCode', 'visitType'] as const };
    expect(visitDefaultsFor({ ...chosen, touched: [...chosen.touched] }, { lastDepartmentCode: '03', feeCategory: null }, 'self')).toMatchObject({
      departmentCode: '07',
      visitType: 'emergency',
    });
  });

  it('asks for a department and a fee category; a doctor is optional', () => {
    expect(checkVisit(EMPTY_VISIT)).toEqual({ departmentCode: '请选择科室', feeCategory: '请选择费别' });
    const input = toVisitInput({ ...EMPTY_VISIT, departmentCode: '03', feeCategory: 'self' }, 'patient:01HZY3M5V6W7X8Y9Z0ABCDEFGH');
    expect(input).toEqual({
      patientId: 'patient:01HZY3M5V6W7X8Y9Z0ABCDEFGH',
      departmentCode: '03',
      doctorUsername: undefined,
      visitType: 'first',
      feeCategory: 'self',
    });
  });
});
