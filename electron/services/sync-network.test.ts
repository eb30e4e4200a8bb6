import { afterEach, describe, expect, it, vi } from 'vitest';
import { watchNetwork } from './sync-network';

afterEach(() => vi.useRealTimers());

describe('watchNetwork', () => {
  it('tells only the offline → online turns', () => {
    vi.useFakeTimers();
    const states = [false, false, true, true, false, true];
    let i = 0;
    let online = true;
    const returned = vi.fn();
    const stop = watchNetwork(returned, { probe: () => online, intervalMs: 1000 });
    for (const state of states) {
      online = state;
      vi.advanceTimersByTime(1000);
      i += 1;
    }
    expect(i).toBe(6);
    expect(returned).toHaveBeenCalledTimes(2);
    stop();
    online = false;
    vi.advanceTimersByTime(1000);
    online = true;
    vi.advanceTimersByTime(1000);
    expect(returned).toHaveBeenCalledTimes(2);
  });
});
