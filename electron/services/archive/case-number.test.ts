import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { counterQueries } from '../../../db/queries/counters';
import { openTemporaryDatabase } from '../../../db/testing/fixtures';
import { caseCounterName, formatCaseNumber } from './case-number';

describe('病案号 made on several workstations at once', () => {
  it('never collides, whatever the interleaving, each workstation counting in its own database', () => {
    const stations = ['W01', 'W02', 'W03'].map((id) => ({ id, db: openTemporaryDatabase() }));
    try {
      fc.assert(
        fc.property(fc.array(fc.record({ station: fc.integer({ min: 0, max: 2 }), year: fc.constantFrom('2026', '2027') }), { maxLength: 60 }), (events) => {
          const made = events.map(({ station, year }) => {
            const { id, db } = stations[station];
            return formatCaseNumber('xz01', year, id, counterQueries(db.orm).next(`${caseCounterName(year)}:${events.length}`));
          });
          expect(new Set(made).size).toBe(made.length);
        }),
        { numRuns: 50 },
      );
    } finally {
      for (const { db } of stations) db.dispose();
    }
  });

  it('pads the sequence to five digits and refuses what the folder label could not carry', () => {
    expect(formatCaseNumber('xz01', '2026', 'W03', 17)).toBe('xz01-2026-W03-00017');
    expect(() => formatCaseNumber('XZ', '2026', 'W03', 1)).toThrow();
  });
});
