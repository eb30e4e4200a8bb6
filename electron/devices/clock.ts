/**
 * Time as the device code sees it. Drivers and the device manager take a Clock instead of calling
 * setTimeout directly, so unit tests can run minutes of timeouts and reconnect backoff in microseconds.
 */
export type CancelTimer = () => void;

export interface Clock {
  now(): number;
  /** Runs `callback` once after `ms`; the returned function cancels it (calling it late is harmless). */
  schedule(ms: number, callback: () => void): CancelTimer;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  schedule(ms, callback) {
    const timer = setTimeout(callback, ms);
    return () => clearTimeout(timer);
  },
};
