import { describe, expect, it } from 'vitest';
import { maskIdNumber } from './mask';

describe('maskIdNumber', () => {
  it('hides exactly the birth date of an 18-character number', () => {
    expect(maskIdNumber('11010519491231002X')).toBe('110105********002X');
  });
  it('hides the 6-digit date of a legacy 15-digit number', () => {
    expect(maskIdNumber('110105491231002')).toBe('110105******002');
  });
  it('shows at most a quarter at each end of other document numbers', () => {
    expect(maskIdNumber('E12345678')).toBe('E1*****78');
    expect(maskIdNumber('AB12')).toBe('A**2');
    expect(maskIdNumber('ABC')).toBe('***');
    expect(maskIdNumber('')).toBe('');
  });
});
