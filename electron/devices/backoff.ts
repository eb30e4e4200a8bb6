export interface BackoffOptions {
  readonly initialDelayMs: number;
  readonly maxDelayMs: number;
}

export const DEFAULT_RECONNECT_BACKOFF: BackoffOptions = { initialDelayMs: 250, maxDelayMs: 3000 };

/**
 * Delay before reconnect attempt `attempt` (0-based): doubling from the initial delay, capped. No
 * jitter: a front desk has one reader and one scanner, not a fleet hammering one server. The cap is
 * short because a registrar who plugs the reader back in expects it back within a few seconds.
 */
export function reconnectDelay(attempt: number, options: BackoffOptions): number {
  return Math.min(options.maxDelayMs, options.initialDelayMs * 2 ** Math.min(attempt, 20));
}
