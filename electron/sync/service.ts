/**
 * The sync engine and its scheduler wired together: what the app's services hold.
 *
 *   const sync = createSyncService({ store, clinicCode, endpoint, window });
 *   sync.engine.on('state' | 'progress' | 'run', …);
 *   sync.start();           // nightly window + retries
 *   await sync.syncNow();   // the "立即同步" button
 *   sync.networkReturned(); // from Electron's online/offline notifications
 */
import { createBackoff, type BackoffOptions } from '../../shared/time/backoff';
import { SyncEngine, type SyncEngineOptions, type SyncStatus } from './engine';
import { SyncScheduler, type ScheduledRun, type SyncRunOutcome } from './schedule';
import type { SyncWindow } from './sync-window';

export interface SyncServiceOptions extends SyncEngineOptions {
  readonly window?: SyncWindow;
  readonly backoff?: BackoffOptions;
  readonly repeatInWindowMs?: number;
}

export interface SyncService {
  readonly engine: SyncEngine;
  readonly scheduler: SyncScheduler;
  start(): void;
  stop(): void;
  syncNow(): Promise<SyncRunOutcome>;
  networkReturned(): void;
  setWindow(window: SyncWindow): void;
  status(): SyncStatus & { readonly nextRun: ScheduledRun | null };
}

export function createSyncService(options: SyncServiceOptions): SyncService {
  const engine = new SyncEngine(options);
  const scheduler = new SyncScheduler({
    runner: engine,
    window: options.window,
    clock: options.clock,
    backoff: createBackoff(options.backoff),
    repeatInWindowMs: options.repeatInWindowMs,
  });
  return {
    engine,
    scheduler,
    start: () => scheduler.start(),
    stop: () => {
      scheduler.stop();
      engine.cancel();
    },
    syncNow: () => scheduler.syncNow(),
    networkReturned: () => scheduler.networkReturned(),
    setWindow: (window) => scheduler.setWindow(window),
    status: () => ({ ...engine.status(), nextRun: scheduler.nextRun() }),
  };
}
