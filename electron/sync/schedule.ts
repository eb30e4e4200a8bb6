/**
 * When to sync: in the nightly window (repeated while the window lasts, so edits made late in
 * the evening still go), on "sync now", and when the network comes back. After a failure the line
 * or server may recover from, it retries with backoff (at any hour: the records are safer at the
 * county than on one PC). After a failure only a person can fix (wrong password, certificate, full
 * disk), it waits for the next window or for "sync now". A refused password or a locked account
 * is never tried again by a timer (each try counts towards the server's login lockout, which shuts
 * out every PC of the clinic): only "sync now" or new credentials start the next run.
 *
 * One run at a time; "sync now" during a run joins that run.
 */
import { createBackoff, type Backoff } from '../../shared/time/backoff';
import { systemClock, type Clock } from '../../shared/time/clock';
import type { SyncError } from './errors';
import { DEFAULT_SYNC_WINDOW, isInSyncWindow, nextWindowStart, validateSyncWindow, windowEndAfter, type SyncWindow } from './sync-window';

export type SyncTrigger = 'nightly' | 'manual' | 'network-returned' | 'retry' | 'startup' | 'recovery';

export type SyncRunOutcome = { readonly ok: true } | { readonly ok: false; readonly error: SyncError };

export interface SyncRunner {
  run(trigger: SyncTrigger): Promise<SyncRunOutcome>;
  /** True while the last run was refused for its credentials and they have not changed since. */
  waitingForCredentials?(): boolean;
}

export interface SchedulerOptions {
  readonly runner: SyncRunner;
  readonly window?: SyncWindow;
  readonly clock?: Clock;
  readonly backoff?: Backoff;
  /** While inside the window, start another run this long after a successful one. */
  readonly repeatInWindowMs?: number;
}

export interface ScheduledRun {
  readonly at: number;
  readonly trigger: SyncTrigger;
}

export class SyncScheduler {
  private readonly runner: SyncRunner;
  private readonly clock: Clock;
  private readonly backoff: Backoff;
  private readonly repeatInWindowMs: number;
  private window: SyncWindow;
  private timer: unknown = null;
  private next: ScheduledRun | null = null;
  private running: Promise<SyncRunOutcome> | null = null;
  private lastOutcome: SyncRunOutcome | null = null;
  private started = false;

  constructor(options: SchedulerOptions) {
    this.runner = options.runner;
    this.clock = options.clock ?? systemClock;
    this.backoff = options.backoff ?? createBackoff();
    this.repeatInWindowMs = options.repeatInWindowMs ?? 30 * 60_000;
    this.window = validateSyncWindow(options.window ?? DEFAULT_SYNC_WINDOW);
  }

  /** Arms the timers: a run now if we are inside the window, else at the window's start. */
  start(): void {
    if (this.started) return;
    this.started = true;
    const now = this.clock.now();
    if (isInSyncWindow(now, this.window)) this.arm({ at: now, trigger: 'startup' });
    else this.arm({ at: nextWindowStart(now, this.window), trigger: 'nightly' });
  }

  stop(): void {
    this.started = false;
    this.disarm();
  }

  setWindow(window: SyncWindow): void {
    this.window = validateSyncWindow(window);
    if (this.started && this.next?.trigger === 'nightly') this.arm({ at: nextWindowStart(this.clock.now(), this.window), trigger: 'nightly' });
  }

  /** New credentials were saved: a scheduler held by a refused password plans its runs again. */
  credentialsChanged(): void {
    if (!this.started || this.running || this.next !== null) return;
    const now = this.clock.now();
    this.arm({
      at: isInSyncWindow(now, this.window) ? now : nextWindowStart(now, this.window),
      trigger: isInSyncWindow(now, this.window) ? 'startup' : 'nightly',
    });
  }

  /** "Sync now": runs at once (or joins the run in progress). */
  syncNow(): Promise<SyncRunOutcome> {
    this.backoff.reset();
    return this.runNow('manual');
  }

  /**
   * The app's wiring calls this when the OS reports connectivity again. If the last run failed on
   * the network, retry at once instead of waiting out the backoff.
   */
  networkReturned(): void {
    if (!this.started || this.running) return;
    const waitingOnNetwork = this.lastOutcome !== null && !this.lastOutcome.ok && this.lastOutcome.error.retryable;
    if (waitingOnNetwork) {
      this.backoff.reset();
      void this.runNow('network-returned');
    }
  }

  nextRun(): ScheduledRun | null {
    return this.next;
  }

  isRunning(): boolean {
    return this.running !== null;
  }

  private runNow(trigger: SyncTrigger): Promise<SyncRunOutcome> {
    if (this.running) return this.running;
    this.disarm();
    const run = this.runner
      .run(trigger)
      .catch((error: unknown): SyncRunOutcome => {
        // The runner is meant to return failures as data; a throw is a bug, but must not stop the clock.
        const detail = error instanceof Error ? error.message : String(error);
        return { ok: false, error: { code: 'SYNC_UNKNOWN', message: '同步时出现未知错误。', retryable: true, detail } };
      })
      .then((outcome) => {
        this.running = null;
        this.lastOutcome = outcome;
        if (this.started) this.planAfter(outcome);
        return outcome;
      });
    this.running = run;
    return run;
  }

  private planAfter(outcome: SyncRunOutcome): void {
    const now = this.clock.now();
    if (outcome.ok) {
      this.backoff.reset();
      const again = now + this.repeatInWindowMs;
      if (isInSyncWindow(now, this.window) && again < windowEndAfter(now, this.window)) this.arm({ at: again, trigger: 'nightly' });
      else this.arm({ at: nextWindowStart(now, this.window), trigger: 'nightly' });
      return;
    }
    if (this.runner.waitingForCredentials?.() === true) {
      this.disarm();
      return;
    }
    if (outcome.error.retryable) this.arm({ at: now + this.backoff.next(), trigger: 'retry' });
    else this.arm({ at: nextWindowStart(now, this.window), trigger: 'nightly' });
  }

  private arm(run: ScheduledRun): void {
    this.disarm();
    this.next = run;
    this.timer = this.clock.setTimeout(
      () => {
        this.timer = null;
        this.next = null;
        // Credentials refused before this process started (the state is saved): wait for a person.
        if (this.runner.waitingForCredentials?.() === true) return;
        void this.runNow(run.trigger);
      },
      Math.max(0, run.at - this.clock.now()),
    );
  }

  private disarm(): void {
    if (this.timer !== null) this.clock.clearTimeout(this.timer);
    this.timer = null;
    this.next = null;
  }
}
