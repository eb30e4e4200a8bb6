import type { CancelTimer, Clock } from '../clock';

interface PendingTimer {
  readonly id: number;
  readonly due: number;
  readonly callback: () => void;
}

/**
 * A manual clock for unit tests: time moves only when the test says so. Timers due at the same
 * instant fire in the order they were scheduled, so runs are reproducible.
 */
export class FakeClock implements Clock {
  private current = 0;
  private nextId = 1;
  private timers: PendingTimer[] = [];

  now(): number {
    return this.current;
  }

  schedule(ms: number, callback: () => void): CancelTimer {
    const timer: PendingTimer = { id: this.nextId++, due: this.current + Math.max(0, ms), callback };
    this.timers.push(timer);
    return () => {
      this.timers = this.timers.filter((t) => t.id !== timer.id);
    };
  }

  get pendingTimers(): number {
    return this.timers.length;
  }

  /** Jumps to the earliest pending timer and fires it. Returns false when nothing is pending. */
  fireNext(): boolean {
    if (this.timers.length === 0) return false;
    let next = this.timers[0];
    for (const t of this.timers) if (t.due < next.due || (t.due === next.due && t.id < next.id)) next = t;
    this.timers = this.timers.filter((t) => t.id !== next.id);
    this.current = Math.max(this.current, next.due);
    next.callback();
    return true;
  }

  /** Lets pending I/O callbacks and promise chains run (one macrotask turn). */
  static async settle(): Promise<void> {
    await new Promise<void>((resolve) => setImmediate(resolve));
  }

  /**
   * Drives `promise` to completion: lets I/O settle, and when nothing else can happen, fires the next
   * timer. Fails loudly if the promise can never settle (no timers left), instead of hanging the test.
   */
  async run<T>(promise: Promise<T>, maxTimers = 100_000): Promise<T> {
    let settled = false;
    const tracked = promise.finally(() => {
      settled = true;
    });
    tracked.catch(() => undefined);
    for (let fired = 0; ; fired++) {
      await FakeClock.settle();
      if (settled) return tracked;
      if (fired >= maxTimers || !this.fireNext()) {
        throw new Error('FakeClock.run: promise cannot settle (no pending timers)');
      }
    }
  }

  /** Advances time by `ms`, firing every timer that falls due on the way. */
  async advance(ms: number): Promise<void> {
    const target = this.current + ms;
    for (;;) {
      await FakeClock.settle();
      const due = this.timers.filter((t) => t.due <= target);
      if (due.length === 0) break;
      this.fireNext();
    }
    this.current = target;
    await FakeClock.settle();
  }
}
