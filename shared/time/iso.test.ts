import { describe, expect, it } from 'vitest';
import { isoDate, isoTimestamp } from '../docs/base';
import { isoDateProblem, isoTimestampProblem } from './iso';

/** Oracle: a date exists when the calendar arithmetic of Date.UTC gives it back unchanged. */
function existsByDateUtc(year: number, month: number, day: number): boolean {
  const d = new Date(Date.UTC(2000, month - 1, day));
  d.setUTCFullYear(year, month - 1, day);
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

describe('calendar checks', () => {
  it('agrees with the calendar on every month and day number of four centuries', () => {
    for (let year = 1900; year <= 2300; year += 1) {
      for (let month = 0; month <= 13; month++) {
        for (let day = 0; day <= 32; day++) {
          const text = `${year}-${pad(month)}-${pad(day)}`;
          const expected = month >= 1 && month <= 12 && day >= 1 && existsByDateUtc(year, month, day);
          if ((isoDateProblem(text) === null) !== expected) throw new Error(`${text}: expected ${expected ? 'real' : 'refused'}`);
        }
      }
    }
  });

  it('refuses what only looks like a date', () => {
    expect(['9999-99-99', '0000-00-00', '0000-01-01', '2026-02-29', '2100-02-29'].map(isoDateProblem)).toEqual(Array(5).fill('not_a_real_value'));
    expect(['2026-2-1', '20260201', '2026-02-01 ', '２０２６-02-01', ''].map(isoDateProblem)).toEqual(Array(5).fill('format'));
    expect(['2000-02-29', '2024-02-29', '0001-01-01', '9999-12-31'].map(isoDateProblem)).toEqual([null, null, null, null]);
  });

  it('checks timestamps as instants: date, time of day and offset', () => {
    const good = [
      '2026-03-14T08:30:00.000Z',
      '2024-02-29T23:59:59Z',
      '2026-03-14T08:30:00+08:00',
      '2026-03-14T08:30:00.123456-12:00',
      '2026-03-14T00:00:00+14:00',
    ];
    expect(good.map(isoTimestampProblem)).toEqual(good.map(() => null));
    const unreal = [
      '2026-02-29T08:00:00Z',
      '2026-03-14T24:00:00Z',
      '2026-03-14T08:60:00Z',
      '2026-03-14T08:30:60Z',
      '2026-03-14T08:30:00+15:00',
      '2026-03-14T08:30:00+08:60',
      '9999-99-99T99:99:99Z',
    ];
    expect(unreal.map(isoTimestampProblem)).toEqual(unreal.map(() => 'not_a_real_value'));
    const malformed = ['2026-03-14 08:30:00Z', '2026-03-14T08:30:00', '2026-03-14T08:30Z', '2026-03-14T08:30:00+0800'];
    expect(malformed.map(isoTimestampProblem)).toEqual(malformed.map(() => 'format'));
    expect(isoTimestampProblem(new Date().toISOString())).toBeNull();
  });

  it('words a date that does not exist differently from a malformed one, in the contract schemas', () => {
    expect(isoDate.safeParse('2026-02-29').error?.issues[0].message).toContain('日期不存在');
    expect(isoDate.safeParse('2026/02/28').error?.issues[0].message).toContain('2026-03-14');
    expect(isoDate.safeParse('2026-02-28').success).toBe(true);
    expect(isoTimestamp.safeParse('2026-02-29T08:00:00Z').error?.issues[0].message).toContain('时间不存在');
    expect(isoTimestamp.safeParse('2026-02-28T08:00:00Z').success).toBe(true);
  });
});
