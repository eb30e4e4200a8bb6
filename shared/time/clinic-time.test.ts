import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CLINIC_TIME_ZONE, clinicDate, clinicDateTime, clinicTime, clinicWhen, isTimeZone } from './clinic-time';

describe('the clinic clock', () => {
  it('says an instant in Beijing time, 24-hour, across midnight', () => {
    expect(DEFAULT_CLINIC_TIME_ZONE).toBe('Asia/Shanghai');
    expect(clinicTime('2026-03-01T00:03:00Z')).toBe('08:03');
    expect(clinicTime('2026-03-01T08:03:00Z')).toBe('16:03');
    expect(clinicDateTime('2026-03-01T15:59:59Z', undefined, { seconds: true })).toBe('2026-03-01 23:59:59');
    expect(clinicDateTime('2026-03-01T16:00:00Z')).toBe('2026-03-02 00:00');
    expect(clinicDate(new Date('2026-12-31T16:30:00Z'))).toBe('2027-01-01');
    expect(clinicTime('2026-03-01T04:00:00Z')).toBe('12:00');
  });

  it('follows another zone when the clinic sets one, and knows a bad zone', () => {
    expect(clinicDateTime('2026-03-01T08:03:00Z', 'Asia/Urumqi')).toBe('2026-03-01 14:03');
    expect(isTimeZone('Asia/Shanghai')).toBe(true);
    expect(isTimeZone('Mars/Base')).toBe(false);
    expect(() => clinicTime('not a time')).toThrow(RangeError);
  });

  it('says today, another day and another year on the clinic calendar', () => {
    const now = new Date('2026-03-01T16:30:00Z'); // 2026-03-02 00:30 in Beijing
    expect(clinicWhen('2026-03-01T16:05:00Z', undefined, now)).toBe('今天 00:05');
    expect(clinicWhen('2026-03-01T15:55:00Z', undefined, now)).toBe('3月1日 23:55');
    expect(clinicWhen('2025-12-31T01:00:00Z', undefined, now)).toBe('2025年12月31日 09:00');
    expect(clinicWhen('2026-03-01T15:55:00Z', 'UTC', now)).toBe('今天 15:55');
  });

  it('gives the same answer in a process whose own zone is UTC or New York', () => {
    const script = "import('./shared/time/clinic-time.ts').then((m) => process.stdout.write(m.clinicDateTime('2026-03-01T08:03:00Z')))";
    for (const tz of ['UTC', 'America/New_York']) {
      const out = execFileSync(process.execPath, ['--import', 'tsx', '-e', script], { encoding: 'utf8', env: { ...process.env, TZ: tz } });
      expect(out).toBe('2026-03-01 16:03');
    }
  });
});
