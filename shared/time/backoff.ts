/**
 * Exponential backoff with jitter and a cap, for retrying after a failure that may pass: a sync
 * whose line or server is down (jitter keeps a county's clinics from all retrying in the same
 * second after the county server comes back), a reader or scanner being reconnected (no jitter,
 * short cap: see electron/devices/device-connection.ts). Same idea as PouchDB's `defaultBackOff`.
 */
export interface BackoffOptions {
  /** First delay, ms. */
  readonly initialMs?: number;
  /** Never wait longer than this, ms. */
  readonly maxMs?: number;
  readonly factor?: number;
  /** 0: exact delays; 0.5: each delay drawn from [50%, 100%] of the nominal one. */
  readonly jitter?: number;
  /** Injectable for tests; must return [0, 1). */
  readonly random?: () => number;
}

export interface Backoff {
  /** The delay before the next attempt, growing with each call. */
  next(): number;
  /** After a success: start again from the first delay. */
  reset(): void;
  readonly attempts: number;
}

export const DEFAULT_BACKOFF: Required<Omit<BackoffOptions, 'random'>> = {
  initialMs: 5_000,
  maxMs: 15 * 60_000,
  factor: 2,
  jitter: 0.5,
};

export function createBackoff(options: BackoffOptions = {}): Backoff {
  const initialMs = options.initialMs ?? DEFAULT_BACKOFF.initialMs;
  const maxMs = options.maxMs ?? DEFAULT_BACKOFF.maxMs;
  const factor = options.factor ?? DEFAULT_BACKOFF.factor;
  const jitter = Math.min(1, Math.max(0, options.jitter ?? DEFAULT_BACKOFF.jitter));
  const random = options.random ?? Math.random;
  if (!(initialMs > 0) || !(maxMs >= initialMs) || !(factor >= 1)) throw new Error('invalid backoff options');
  let attempts = 0;
  return {
    next() {
      const nominal = Math.min(maxMs, initialMs * factor ** attempts);
      attempts += 1;
      return Math.round(nominal * (1 - jitter + jitter * random()));
    },
    reset() {
      attempts = 0;
    },
    get attempts() {
      return attempts;
    },
  };
}
