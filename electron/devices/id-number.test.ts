import { describe, expect, it } from 'vitest';
import { idNumberBirthDate, idNumberCheckChar, idNumberSex, isCalendarDate, isValidIdNumber } from './id-number';

describe('GB 11643 identity numbers', () => {
  it('computes the check character (the standard’s worked example)', () => {
    // GB 11643-1999 appendix example: 11010519491231002X.
    expect(idNumberCheckChar('11010519491231002')).toBe('X');
    expect(isValidIdNumber('11010519491231002X')).toBe(true);
  });

  it('rejects a wrong check character, a lower-case x, bad dates and wrong lengths', () => {
    expect(isValidIdNumber('110105194912310021')).toBe(false);
    expect(isValidIdNumber('11010519491231002x')).toBe(false);
    expect(isValidIdNumber('110105194902300020')).toBe(false);
    expect(isValidIdNumber('1101051949123100')).toBe(false);
    expect(idNumberCheckChar('1101051949123100A')).toBeNull();
  });

  it('reads the birth date and sex from the number', () => {
    expect(idNumberBirthDate('11010519491231002X')).toBe('1949-12-31');
    expect(idNumberSex('11010519491231002X')).toBe('2');
    expect(idNumberSex('110105194912310011')).toBe('1');
  });

  it('knows real calendar days', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2023-02-29')).toBe(false);
    expect(isCalendarDate('2023-13-01')).toBe(false);
  });
});
