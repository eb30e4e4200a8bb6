import { describe, expect, it } from 'vitest';
import { patientDoc } from '../docs/patient';
import { checkPhone } from './phone';

describe('checkPhone', () => {
  it.each([
    ['13812345678', 'mobile', '13812345678'],
    ['138 1234 5678', 'mobile', '13812345678'],
    ['138-1234-5678', 'mobile', '13812345678'],
    ['+86 138 1234 5678', 'mobile', '13812345678'],
    ['008619912345678', 'mobile', '19912345678'],
    ['0371-63456789', 'landline', '0371-63456789'],
    ['037163456789', 'landline', '0371-63456789'],
    ['(010) 6512 3456', 'landline', '010-65123456'],
    ['02161234567', 'landline', '021-61234567'],
    ['0394-8123456', 'landline', '0394-8123456'],
    ['0371-63456789-8023', 'landline', '0371-63456789-8023'],
    ['0371-63456789转8023', 'landline', '0371-63456789-8023'],
    ['+86 371 6345 6789', 'landline', '0371-63456789'],
    ['6345678', 'landline', '6345678'],
    ['１３８１２３４５６７８', 'mobile', '13812345678'],
  ])('accepts %j as %s %s', (typed, kind, normalized) => {
    const result = checkPhone(typed);
    expect(result).toEqual({ ok: true, kind, normalized });
    if (result.ok) expect(patientDoc.shape.phone.safeParse(result.normalized).success).toBe(true);
  });

  it.each([
    ['', 'empty'],
    ['1381234567', 'bad_mobile'],
    ['138123456789', 'bad_mobile'],
    ['12812345678', 'bad_mobile'],
    ['138l2345678', 'bad_characters'],
    ['0371-1234567', 'bad_landline'],
    ['0371-634567890', 'bad_landline'],
    ['00371-63456789', 'bad_landline'],
    ['12345', 'bad_mobile'],
    ['634567', 'bad_landline'],
  ])('rejects %j with %s', (typed, code) => {
    const result = checkPhone(typed);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.code).toBe(code);
      expect(result.message).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});
