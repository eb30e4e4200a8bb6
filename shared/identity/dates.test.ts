import { describe, expect, it } from 'vitest';
import { chinaDateOf, isRealDate, parseIsoDate } from './dates';

describe('civil dates', () => {
  it('knows leap years and month lengths', () => {
    expect(isRealDate(2024, 2, 29)).toBe(true);
    expect(isRealDate(2100, 2, 29)).toBe(false);
    expect(isRealDate(2000, 2, 29)).toBe(true);
    expect(isRealDate(2023, 4, 31)).toBe(false);
    expect(parseIsoDate('2023-13-01')).toBeNull();
    expect(parseIsoDate('2023-12-31')).toEqual({ year: 2023, month: 12, day: 31 });
  });
  it('takes today in China at UTC+8, whatever the machine zone', () => {
    expect(chinaDateOf(new Date('2025-06-01T15:59:59Z'))).toBe('2025-06-01');
    expect(chinaDateOf(new Date('2025-06-01T16:00:00Z'))).toBe('2025-06-02');
  });
});
