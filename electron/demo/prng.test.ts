import { describe, expect, it } from 'vitest';
import { Prng, WeightedTable } from './prng';
import { chinaDayNumber, chinaInstant, dateOfDayNumber, dayNumber, weekday } from './clock';

describe('Prng', () => {
  it('repeats for a seed and differs between seeds and forks', () => {
    const draw = (rng: Prng) => Array.from({ length: 8 }, () => rng.uint32());
    expect(draw(new Prng('clinic-a'))).toEqual(draw(new Prng('clinic-a')));
    expect(draw(new Prng('clinic-a'))).not.toEqual(draw(new Prng('clinic-b')));
    expect(draw(new Prng('clinic-a').fork('x'))).not.toEqual(draw(new Prng('clinic-a')));
  });

  it('spreads next() evenly over [0, 1)', () => {
    const rng = new Prng(42);
    const buckets = new Array<number>(10).fill(0);
    for (let i = 0; i < 100_000; i += 1) {
      const x = rng.next();
      expect(x >= 0 && x < 1).toBe(true);
      buckets[Math.floor(x * 10)] += 1;
    }
    for (const count of buckets) expect(Math.abs(count - 10_000)).toBeLessThan(500);
  });

  it('keeps between() inside its bounds and hits both ends', () => {
    const rng = new Prng(7);
    const seen = new Set<number>();
    for (let i = 0; i < 1000; i += 1) seen.add(rng.between(3, 6));
    expect([...seen].sort()).toEqual([3, 4, 5, 6]);
  });

  it('gives Poisson counts with about the requested mean', () => {
    const rng = new Prng(1);
    let sum = 0;
    for (let i = 0; i < 20_000; i += 1) sum += rng.poisson(2.5);
    expect(sum / 20_000).toBeGreaterThan(2.4);
    expect(sum / 20_000).toBeLessThan(2.6);
  });
});

describe('WeightedTable', () => {
  it('draws in proportion to the weights and never draws a zero weight', () => {
    const table = new WeightedTable<string>([
      ['a', 1],
      ['b', 0],
      ['c', 3],
    ]);
    const rng = new Prng('w');
    const counts: Record<string, number> = { a: 0, b: 0, c: 0 };
    for (let i = 0; i < 40_000; i += 1) counts[table.pick(rng)] += 1;
    expect(counts.b).toBe(0);
    expect(counts.c / counts.a).toBeGreaterThan(2.8);
    expect(counts.c / counts.a).toBeLessThan(3.2);
  });
});

describe('clock', () => {
  it('converts between civil dates, day numbers and China-local instants', () => {
    expect(dateOfDayNumber(dayNumber('2024-02-29'))).toBe('2024-02-29');
    expect(weekday(dayNumber('2025-06-01'))).toBe(0); // a Sunday
    const morning = chinaInstant(dayNumber('2025-06-01'), 7 * 3600);
    expect(new Date(morning).toISOString()).toBe('2025-05-31T23:00:00.000Z');
    expect(dateOfDayNumber(chinaDayNumber(morning))).toBe('2025-06-01');
  });
});

describe('dateOfDayNumber', () => {
  it('agrees with Date for every day from 1899 to 2101', () => {
    for (let day = dayNumber('1899-01-01'); day <= dayNumber('2101-12-31'); day += 1) {
      const expected = new Date(day * 86_400_000).toISOString().slice(0, 10);
      if (dateOfDayNumber(day) !== expected) expect(dateOfDayNumber(day)).toBe(expected);
    }
  });
});
