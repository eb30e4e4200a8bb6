import { describe, expect, it } from 'vitest';
import { makeResidentId } from '../../../shared/identity';
import { DEFAULT_FEE_CATEGORIES } from '../../../shared/docs/clinic';
import { loadDivisionIndex } from '../reference/code-sets';
import { splitCardAddress, suggestedFeeCategory } from './card-address';

const index = loadDivisionIndex();
const shaheId = makeResidentId('130582', '1960-03-01', 1);

describe('card address', () => {
  it('fills 省/市/县/乡镇 from the address the card office names, and keeps only the rest for 详细地址', () => {
    expect(splitCardAddress(index, { address: '河北省邢台市沙河市白塔镇东街村3组15号', divisionCode: '130582', idNumber: shaheId })).toEqual({
      divisionCode: '130582102',
      detail: '东街村3组15号',
    });
  });

  it('uses the ID number prefix when the card has no division code, and the county when no township is named', () => {
    expect(splitCardAddress(index, { address: '河北省邢台市沙河市 东街村3组', idNumber: shaheId })).toEqual({ divisionCode: '130582', detail: '东街村3组' });
  });

  it('takes the county the address names when the ID number was issued elsewhere', () => {
    const beijingBorn = makeResidentId('110101', '1970-01-01', 3);
    expect(splitCardAddress(index, { address: '河北省邢台市沙河市新城镇西村', divisionCode: '130582', idNumber: beijingBorn })).toEqual({
      divisionCode: '130582101',
      detail: '西村',
    });
    expect(splitCardAddress(index, { address: '北京市东城区景山街道某胡同1号', divisionCode: '130582', idNumber: beijingBorn })).toEqual({
      divisionCode: '110101002',
      detail: '某胡同1号',
    });
  });

  it('leaves the whole address in 详细地址 when no division is known', () => {
    expect(splitCardAddress(index, { address: '某地某村', idNumber: makeResidentId('130582', '1960-03-01', 1).replace(/^130582/, '990000') })).toEqual({
      divisionCode: null,
      detail: '某地某村',
    });
  });
});

describe('suggested fee category', () => {
  it('is 城乡居民医保 for a social-security card with an insurance number, and nothing for a health card', () => {
    expect(suggestedFeeCategory({ cardKind: 'social_security', insuranceNumber: '130582196003010011' }, DEFAULT_FEE_CATEGORIES)).toBe('resident');
    expect(suggestedFeeCategory({ cardKind: 'social_security' }, DEFAULT_FEE_CATEGORIES)).toBeNull();
    expect(suggestedFeeCategory({ cardKind: 'resident_health', insuranceNumber: 'X1' }, DEFAULT_FEE_CATEGORIES)).toBeNull();
    expect(suggestedFeeCategory({ cardKind: 'social_security', insuranceNumber: 'X1' }, [{ code: 'self' }])).toBeNull();
  });
});
