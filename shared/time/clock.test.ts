import { describe, expect, it } from 'vitest';
import { schedule, systemClock } from './clock';
import { FakeClock } from './testing/fake-clock';

describe('clock', () => {
  it('fires due timers in time order, same-instant ones in the order set, including timers set by timers', () => {
    const clock = new FakeClock(1000);
    const fired: string[] = [];
    clock.setTimeout(() => fired.push('b@300'), 300);
    clock.setTimeout(() => fired.push('a@100'), 100);
    clock.setTimeout(() => fired.push('c@300'), 300);
    clock.setTimeout(() => {
      fired.push('d@200');
      clock.setTimeout(() => fired.push(`e@${clock.now() - 1000}`), 50);
    }, 200);
    const late = clock.setTimeout(() => fired.push('never'), 400);
    clock.clearTimeout(late);
    clock.advance(350);
    expect(fired).toEqual(['a@100', 'd@200', 'e@250', 'b@300', 'c@300']);
    expect(clock.now()).toBe(1350);
    expect(clock.pending()).toBe(0);
  });

  it('lets promise chains run between timers when time elapses', async () => {
    const clock = new FakeClock();
    const seen: number[] = [];
    clock.setTimeout(() => void Promise.resolve().then(() => clock.setTimeout(() => seen.push(clock.now()), 10)), 10);
    await clock.elapse(25);
    expect(seen).toEqual([20]);
    await expect(clock.run(new Promise((resolve) => clock.setTimeout(() => resolve('done'), 1000)))).resolves.toBe('done');
    await expect(clock.run(new Promise(() => undefined))).rejects.toThrow(/cannot settle/);
  });

  it('cancels through `schedule`, harmlessly after the timer fired, on the fake and the real clock', async () => {
    const clock = new FakeClock();
    let runs = 0;
    const cancel = schedule(clock, 10, () => runs++);
    cancel();
    clock.advance(20);
    expect(runs).toBe(0);
    const late = schedule(clock, 10, () => runs++);
    clock.advance(10);
    late();
    expect(runs).toBe(1);

    const fired = await new Promise<boolean>((resolve) => {
      const stop = schedule(systemClock, 5, () => resolve(false));
      stop();
      schedule(systemClock, 20, () => resolve(true));
    });
    expect(fired).toBe(true);
  });
});
