import { describe, expect, it } from 'vitest';
import { backupFileName, backupsToRemove } from './rotation';

const name = (stamp: string, code = 'xz-01') => `clinic-${code}-${stamp}-W01.tcbak`;

describe('backup rotation', () => {
  it('names a backup by the clinic clock, not the PC clock', () => {
    expect(backupFileName('xz-01', 'W01', new Date('2026-12-02T17:30:05Z'), 'Asia/Shanghai')).toBe('clinic-xz-01-20261203-013005-W01.tcbak');
  });

  it('keeps the newest of each of the last N days and of each of the last M ISO weeks, and touches no other file', () => {
    const days = Array.from({ length: 30 }, (_, i) => {
      const d = new Date(Date.UTC(2026, 10, 1 + i));
      return `${d.toISOString().slice(0, 10).replace(/-/g, '')}`;
    });
    // Two backups a day (the scheduled one and a 立即备份).
    const names = days.flatMap((day) => [name(`${day}-123000`), name(`${day}-170000`)]);
    const others = ['notes.txt', name('20261101-123000', 'other'), '.clinic-xz-01-20261130-170000-W01.tcbak.partial'];
    const removed = new Set(backupsToRemove([...names, ...others], 'xz-01', { daily: 7, weekly: 4 }));
    const kept = names.filter((n) => !removed.has(n));
    // 7 days (24–30 Nov) and the newest of each of the last 4 ISO weeks: W49 (30 Nov), W48 (29th), W47 (22nd), W46 (15th).
    expect(kept).toEqual([name('20261115-170000'), name('20261122-170000'), ...days.slice(23).map((day) => name(`${day}-170000`))]);
    for (const other of others) expect(removed.has(other)).toBe(false);
  });
});
