/**
 * Time, injectable: the sync scheduler, the sync engine and the device drivers take a Clock instead
 * of calling Date.now and setTimeout directly, so tests can run a night of sync windows or minutes
 * of reader timeouts and reconnect backoff in microseconds (see `testing/fake-clock.ts`).
 *
 * Pure: setTimeout and clearTimeout exist in Node, Electron and the browser alike.
 */

/** What `setTimeout` returned; only good for handing back to the same clock's `clearTimeout`. */
export type TimerHandle = unknown;

/** Cancels one timer; calling it after the timer fired, or twice, is harmless. */
export type CancelTimer = () => void;

export interface Clock {
  now(): number;
  /** Runs `fn` once after `ms`. */
  setTimeout(fn: () => void, ms: number): TimerHandle;
  clearTimeout(handle: TimerHandle): void;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout(fn, ms) {
    const handle: unknown = setTimeout(fn, ms);
    // A pending timer (the nightly sync, a reader's reconnect) must not keep the app or a test run
    // alive on its own; whatever waits on it (an open port, a window) already does.
    (handle as { unref?: () => void }).unref?.();
    return handle;
  },
  clearTimeout: (handle) => clearTimeout(handle as Parameters<typeof clearTimeout>[0]),
};

/** `clock.setTimeout` with the cancel step as a function, for code that keeps the cancel rather than the handle. */
export function schedule(clock: Clock, ms: number, fn: () => void): CancelTimer {
  const handle = clock.setTimeout(fn, ms);
  return () => clock.clearTimeout(handle);
}
