import { describe, expect, it } from 'vitest';
import { createBackoff } from '../../shared/time/backoff';
import { FakeClock } from '../../shared/time/testing/fake-clock';
import { syncError } from './errors';
import { SyncScheduler, type SyncRunOutcome, type SyncTrigger } from './schedule';

/** A wall-clock time in Beijing (UTC+8), the clinic's default zone, whatever zone this process runs in. */
const at = (h: number, m = 0, day = 10): number => Date.UTC(2025, 2, day, h - 8, m, 0, 0);

function setup(startMs: number, outcomes: SyncRunOutcome[]) {
  const clock = new FakeClock(startMs);
  const runs: Array<{ trigger: SyncTrigger; at: number }> = [];
  const runner = {
    async run(trigger: SyncTrigger): Promise<SyncRunOutcome> {
      runs.push({ trigger, at: clock.now() });
      return outcomes.shift() ?? { ok: true };
    },
  };
  const scheduler = new SyncScheduler({
    runner,
    clock,
    backoff: createBackoff({ initialMs: 60_000, maxMs: 600_000, jitter: 0 }),
    repeatInWindowMs: 60 * 60_000,
  });
  return { clock, runs, scheduler };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('sync scheduler', () => {
  it('waits for the nightly window, then repeats inside it, then waits for the next night', async () => {
    const { clock, runs, scheduler } = setup(at(15), []);
    scheduler.start();
    expect(scheduler.nextRun()).toEqual({ at: at(1, 0, 11), trigger: 'nightly' });
    clock.advance(at(1, 0, 11) - clock.now());
    await flush();
    expect(runs).toEqual([{ trigger: 'nightly', at: at(1, 0, 11) }]);
    expect(scheduler.nextRun()?.at).toBe(at(2, 0, 11));
    for (let i = 0; i < 3; i++) {
      clock.advance(60 * 60_000);
      await flush();
    }
    expect(runs.map((r) => r.at)).toEqual([at(1, 0, 11), at(2, 0, 11), at(3, 0, 11), at(4, 0, 11)]);
    // 05:00 would be outside the window: next is tomorrow night.
    expect(scheduler.nextRun()).toEqual({ at: at(1, 0, 12), trigger: 'nightly' });
    scheduler.stop();
  });

  it('retries a network failure with growing delays, and at once when the network returns', async () => {
    const down = { ok: false as const, error: syncError('SYNC_HOST_UNREACHABLE') };
    const { clock, runs, scheduler } = setup(at(14), [down, down, down]);
    scheduler.start();
    await scheduler.syncNow();
    expect(scheduler.nextRun()).toEqual({ at: at(14, 1), trigger: 'retry' });
    clock.advance(60_000);
    await flush();
    expect(scheduler.nextRun()).toEqual({ at: at(14, 3), trigger: 'retry' });
    scheduler.networkReturned();
    await flush();
    expect(runs.map((r) => r.trigger)).toEqual(['manual', 'retry', 'network-returned']);
    scheduler.stop();
  });

  it('does not retry what a person must fix, and does not retry on network return', async () => {
    const { runs, scheduler } = setup(at(14), [{ ok: false, error: syncError('SYNC_AUTH_FAILED', '', 401) }]);
    scheduler.start();
    const outcome = await scheduler.syncNow();
    expect(outcome.ok).toBe(false);
    expect(scheduler.nextRun()).toEqual({ at: at(1, 0, 11), trigger: 'nightly' });
    scheduler.networkReturned();
    await flush();
    expect(runs).toHaveLength(1);
    scheduler.stop();
  });

  it('joins a run in progress instead of starting a second one', async () => {
    const { runs, scheduler } = setup(at(14), []);
    scheduler.start();
    const [a, b] = [scheduler.syncNow(), scheduler.syncNow()];
    expect(a).toBe(b);
    await a;
    expect(runs).toHaveLength(1);
    scheduler.stop();
  });

  it('starts at once when launched inside the window', async () => {
    const { runs, scheduler } = setup(at(3), []);
    scheduler.start();
    expect(scheduler.nextRun()?.trigger).toBe('startup');
    scheduler.stop();
    expect(runs).toHaveLength(0);
  });
});
