import { describe, expect, it } from 'vitest';
import { ApiFailure } from '../../../shared/api/errors';
import { startOfClinicDay, endOfClinicDay } from './clinic-day';
import { checkLoanPeriod, grantStateAt, latestEndDate } from './lending-rules';
import { addWorkingDays, isWorkingDay, workingDaysBetween } from './working-days';

describe('working days', () => {
  it('skips Saturdays and Sundays', () => {
    // 2026-03-05 is a Thursday.
    expect(addWorkingDays('2026-03-05', 1)).toBe('2026-03-06');
    expect(addWorkingDays('2026-03-05', 2)).toBe('2026-03-09');
    expect(addWorkingDays('2026-03-05', 3)).toBe('2026-03-10');
    // Lent on a Saturday: Monday, Tuesday, Wednesday.
    expect(addWorkingDays('2026-03-07', 3)).toBe('2026-03-11');
    expect(isWorkingDay('2026-03-07')).toBe(false);
    expect(workingDaysBetween('2026-03-05', '2026-03-10')).toBe(3);
  });

  it('follows a calendar with holidays and worked weekends', () => {
    const calendar = { holidays: new Set(['2026-03-09']), workdays: new Set(['2026-03-08']) };
    expect(addWorkingDays('2026-03-05', 3, calendar)).toBe('2026-03-10');
    expect(isWorkingDay('2026-03-09', calendar)).toBe(false);
    expect(isWorkingDay('2026-03-08', calendar)).toBe(true);
  });
});

describe('loan periods', () => {
  it('allows research and teaching up to 3 working days and refuses longer, naming the latest date', () => {
    expect(latestEndDate('research', '2026-03-05')).toBe('2026-03-10');
    expect(() => checkLoanPeriod('teaching', '2026-03-05', '2026-03-10', 'until')).not.toThrow();
    let refusal: unknown;
    try {
      checkLoanPeriod('research', '2026-03-05', '2026-03-11', 'until');
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(ApiFailure);
    expect((refusal as ApiFailure).error).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ path: 'until' }] });
    expect((refusal as ApiFailure).message).toContain('最晚 2026-03-10 归还');
  });

  it('gives treatment loans 30 days and refuses an end before the start', () => {
    expect(() => checkLoanPeriod('treatment', '2026-03-05', '2026-04-04', 'until')).not.toThrow();
    expect(() => checkLoanPeriod('treatment', '2026-03-05', '2026-04-05', 'until')).toThrow(/最长 30 天/);
    expect(() => checkLoanPeriod('other', '2026-03-05', '2026-03-04', 'until')).toThrow(/早于借出日期/);
  });
});

describe('grant expiry', () => {
  const grant = {
    status: 'granted' as const,
    valid_from: startOfClinicDay('2026-03-05', 'Asia/Shanghai'),
    valid_until: endOfClinicDay('2026-03-05', 'Asia/Shanghai'),
  };

  it('runs from the start of the first clinic day to the end of the last', () => {
    expect(grant.valid_from).toBe('2026-03-04T16:00:00.000Z');
    expect(grant.valid_until).toBe('2026-03-05T16:00:00.000Z');
    expect(startOfClinicDay('2026-03-05', 'Asia/Urumqi')).toBe('2026-03-04T18:00:00.000Z');
  });

  it('is decided by the clock alone: pending, active, expired; revoked ends it', () => {
    expect(grantStateAt(grant, new Date('2026-03-04T15:59:59Z'))).toBe('pending');
    expect(grantStateAt(grant, new Date('2026-03-04T16:00:00Z'))).toBe('active');
    expect(grantStateAt(grant, new Date('2026-03-05T15:59:59Z'))).toBe('active');
    expect(grantStateAt(grant, new Date('2026-03-05T16:00:00Z'))).toBe('expired');
    expect(grantStateAt({ ...grant, status: 'revoked' }, new Date('2026-03-05T08:00:00Z'))).toBe('revoked');
  });
});
