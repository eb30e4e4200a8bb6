import { describe, expect, it } from 'vitest';
import { createBackoff } from './backoff';

describe('backoff', () => {
  it('grows exponentially up to the cap, without jitter', () => {
    const b = createBackoff({ initialMs: 1000, maxMs: 10_000, factor: 2, jitter: 0 });
    expect([b.next(), b.next(), b.next(), b.next(), b.next(), b.next()]).toEqual([1000, 2000, 4000, 8000, 10_000, 10_000]);
    b.reset();
    expect(b.next()).toBe(1000);
  });

  it('keeps jittered delays within [(1 - jitter) x nominal, nominal]', () => {
    let r = 0;
    const values = [0, 0.999, 0.5];
    const b = createBackoff({ initialMs: 1000, maxMs: 60_000, jitter: 0.5, random: () => values[r++ % values.length] });
    expect(b.next()).toBe(500);
    expect(b.next()).toBe(1999);
    expect(b.next()).toBe(3000);
    expect(b.attempts).toBe(3);
  });

  it('refuses nonsense settings', () => {
    expect(() => createBackoff({ initialMs: 0 })).toThrow();
    expect(() => createBackoff({ initialMs: 10, maxMs: 5 })).toThrow();
  });
});
