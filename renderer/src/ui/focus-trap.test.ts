import { describe, expect, it } from 'vitest';
import { trappedTabTarget } from './focus-trap';

describe('focus trap', () => {
  it('cycles Tab and Shift+Tab inside the dialog', () => {
    expect(trappedTabTarget(0, 3, false)).toBe(1);
    expect(trappedTabTarget(2, 3, false)).toBe(0);
    expect(trappedTabTarget(0, 3, true)).toBe(2);
    expect(trappedTabTarget(1, 3, true)).toBe(0);
  });

  it('brings the cursor back in from outside, and does nothing in an empty dialog', () => {
    expect(trappedTabTarget(-1, 3, false)).toBe(0);
    expect(trappedTabTarget(-1, 3, true)).toBe(2);
    expect(trappedTabTarget(-1, 0, false)).toBe(-1);
  });
});
