import type { Clock, TimerHandle } from '../clock';

interface PendingTimer {
  readonly id: number;
  readonly due: number;
  readonly fn: () => void;
}

/**
 * A hand-driven clock for tests: time moves only when the test says so. Timers due at the same
 * instant fire in the order they were set, so runs are reproducible.
 *
 * Two ways to move time: `advance` fires the due timers one after another without yielding (for
 * timer logic alone, such as the sync scheduler); `elapse` and `run` let pending I/O callbacks and
 * promise chains run between timers (for code that talks to a port or awaits between timers, such
 * as the device drivers).
 */
export class FakeClock implements Clock {
  private current: number;
  private nextId = 1;
  private timers: PendingTimer[] = [];

  constructor(startMs = 0) {
    this.current = startMs;
  }

  now(): number {
    return this.current;
  }

  setTimeout(fn: () => void, ms: number): TimerHandle {
    const id = this.nextId++;
    this.timers.push({ id, due: this.current + Math.max(0, ms), fn });
    return id;
  }

  clearTimeout(handle: TimerHandle): void {
    this.timers = this.timers.filter((t) => t.id !== handle);
  }

  /** How many timers are set and not yet fired or cleared. */
  pending(): number {
    return this.timers.length;
  }

  /** Jumps to the earliest pending timer and fires it. Returns false when nothing is pending. */
  fireNext(): boolean {
    const next = this.earliest(Number.POSITIVE_INFINITY);
    if (!next) return false;
    this.fire(next);
    return true;
  }

  /** Moves time on by `ms`, firing on the way every timer that falls due (timers set by those too). */
  advance(ms: number): void {
    const until = this.current + ms;
    for (let due = this.earliest(until); due; due = this.earliest(until)) this.fire(due);
    this.current = until;
  }

  /** As `advance`, but lets I/O and promise chains run before each timer and at the end. */
  async elapse(ms: number): Promise<void> {
    const until = this.current + ms;
    for (;;) {
      await FakeClock.settle();
      const due = this.earliest(until);
      if (!due) break;
      this.fire(due);
    }
    this.current = until;
    await FakeClock.settle();
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

  /** Lets pending I/O callbacks and promise chains run (one macrotask turn; after I/O where the host has setImmediate). */
  static async settle(): Promise<void> {
    await new Promise<void>((resolve) => (typeof setImmediate === 'function' ? setImmediate(resolve) : setTimeout(resolve, 0)));
  }

  private earliest(until: number): PendingTimer | undefined {
    let next: PendingTimer | undefined;
    for (const t of this.timers) if (t.due <= until && (!next || t.due < next.due || (t.due === next.due && t.id < next.id))) next = t;
    return next;
  }

  private fire(timer: PendingTimer): void {
    this.timers = this.timers.filter((t) => t.id !== timer.id);
    this.current = Math.max(this.current, timer.due);
    timer.fn();
  }
}
