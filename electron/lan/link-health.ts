/**
 * Two rules that keep the live link from staying down without anyone noticing:
 *
 * - **A refusal is tried again, slowly.** An endpoint that is starting or being set up again (a
 *   CouchDB reinstalled by the county's IT staff, its account made a moment after it listens)
 *   refuses for a few seconds; a PC that asked in that moment must not stay refused until someone
 *   presses a button. Trying once more after 15 s and then every 5 minutes keeps far below
 *   CouchDB's login lockout (5 failed logins within 5 minutes,
 *   https://docs.couchdb.org/en/stable/config/auth.html#chttpd_auth_lockout); an account the
 *   server did lock is tried again only after the lockout ends.
 * - **A connection that neither answers nor fails is ended.** Every request has a deadline, but a
 *   replication can still wait on something that never settles (a promise lost inside PouchDB, a
 *   fetch without a deadline). An idle live pull still gets an answer every long poll, so a
 *   connection with no answer and no replication event for several long polls is stuck: it is
 *   ended as a timeout and started again with the backoff.
 */
import type { SyncError } from '../sync';

/** Delays before the 1st, 2nd … try after a refusal; the last one repeats. */
export const REFUSED_RETRY_MS: ReadonlyArray<number> = [15_000, 300_000];

/** How many long polls without any sign of life make a connection stuck. */
export const STALL_LONGPOLLS = 4;

/** The wait before trying a refused endpoint again (`refusals`: how many came before this one). */
export function refusalRetryDelay(error: SyncError, refusals: number, now: number, steps: ReadonlyArray<number> = REFUSED_RETRY_MS): number {
  const step = steps[Math.min(refusals, steps.length - 1)] ?? REFUSED_RETRY_MS[0];
  const lockedUntil = error.code === 'SYNC_ACCOUNT_LOCKED' && error.lockedUntil ? Date.parse(error.lockedUntil) : Number.NaN;
  return Number.isFinite(lockedUntil) ? Math.max(step, lockedUntil - now + 1_000) : step;
}

/** The error a stuck connection ends with: read as a timeout, retried with the backoff. */
export function stalledError(quietMs: number): Error {
  return Object.assign(new Error(`no answer from the centre's endpoint for ${Math.round(quietMs)} ms while connected`), {
    name: 'TimeoutError',
    type: 'request-timeout',
  });
}

/** When the current connection last showed a sign of life (an answered request, a replication event). */
export class StallWatch {
  private lastSign = 0;

  constructor(
    private readonly now: () => number,
    private readonly limitMs: number,
  ) {}

  /** Something answered or moved. */
  alive(): void {
    this.lastSign = this.now();
  }

  /** How long the connection has been quiet, when that is longer than allowed; null while it is fine. */
  stalledFor(): number | null {
    const quiet = this.now() - this.lastSign;
    return quiet > this.limitMs ? quiet : null;
  }
}
