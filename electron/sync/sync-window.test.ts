import { describe, expect, it } from 'vitest';
import { isInSyncWindow, nextWindowStart, validateSyncWindow, windowEndAfter } from './sync-window';

/** A wall-clock time in Beijing (UTC+8), whatever zone this process runs in. */
const at = (h: number, m = 0, day = 10): number => Date.UTC(2025, 2, day, h - 8, m, 0, 0);

describe('nightly sync window', () => {
  const night = { start: '01:00', end: '05:00' };
  it('knows when it is inside the default window', () => {
    expect(isInSyncWindow(at(0, 59), night)).toBe(false);
    expect(isInSyncWindow(at(1, 0), night)).toBe(true);
    expect(isInSyncWindow(at(4, 59), night)).toBe(true);
    expect(isInSyncWindow(at(5, 0), night)).toBe(false);
  });

  it('handles a window across midnight', () => {
    const late = { start: '22:30', end: '02:00' };
    expect(isInSyncWindow(at(23), late)).toBe(true);
    expect(isInSyncWindow(at(1, 59), late)).toBe(true);
    expect(isInSyncWindow(at(2), late)).toBe(false);
    expect(windowEndAfter(at(23), late)).toBe(at(2, 0, 11));
  });

  it('finds the next opening', () => {
    expect(nextWindowStart(at(12), night)).toBe(at(1, 0, 11));
    expect(nextWindowStart(at(0, 30), night)).toBe(at(1, 0, 10));
    expect(nextWindowStart(at(1, 0), night)).toBe(at(1, 0, 11));
  });

  it("follows the clinic's zone, not the PC's: 01:00 in Urumqi is 03:00 in Beijing", () => {
    const urumqi = { ...night, zone: 'Asia/Urumqi' };
    expect(isInSyncWindow(at(2, 59), urumqi)).toBe(false);
    expect(isInSyncWindow(at(3, 0), urumqi)).toBe(true);
    expect(nextWindowStart(at(12), urumqi)).toBe(at(3, 0, 11));
    expect(windowEndAfter(at(4), urumqi)).toBe(at(7, 0, 10));
  });

  it('rejects malformed times in Chinese', () => {
    expect(() => validateSyncWindow({ start: '25:00', end: '05:00' })).toThrow(/时间格式/);
    expect(() => validateSyncWindow({ start: '01:00', end: '01:00' })).toThrow(/不能相同/);
  });
});
