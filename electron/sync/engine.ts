/**
 * The sync engine: one run pushes the clinic's local changes to its county database, pulls the
 * reference data and anything new in the clinic's county database, and pushes once more if the
 * pull brought anything (so the push checkpoint ends past the pulled documents and the pending
 * count reads zero). Local changes go first: on a bad line they are what matters.
 *
 * States (as PouchDB names them): idle, active (a run is going), paused (the last run failed on
 * something that may pass by itself — the line, the server — and the scheduler will retry),
 * error (a person must act: password, certificate, full disk).
 *
 * Nothing here writes documents except through PouchDB's replicator into the store's normal
 * write path; a failed run leaves the store exactly as the last completed batch left it.
 */
import { EventEmitter } from 'node:events';
import { randomUUID } from 'node:crypto';
import type { DocumentStoreApi } from '../../db/store/types';
import { AdaptiveBatchSize, RURAL_LINE, type BatchSettings } from './batching';
import { systemClock, type Clock } from '../../shared/time/clock';
import { classifySyncError, syncError, type SyncError } from './errors';
import { countPendingChanges } from './pending';
import { openLocalPouch } from './pouch-adapter';
import { clinicPouchDB } from './pouch-adapter';
import type { PouchDatabase, PouchStatic } from './pouch';
import { RateMeter } from './rate-meter';
import { describeRefused, keepRefusedDocuments, readRefusedDocuments, type RefusedDocument } from './refused-documents';
import { isNeverPushed, REFERENCE_DATABASE } from './reference-data';
import { asReplicationSource, clinicDatabaseName, openRemoteDatabase, type CountyEndpoint } from './remote-db';
import { createRemoteFetch, keepAliveAgents, type RemoteFetch } from './remote-fetch';
import { checkDatabaseAccess } from './access-check';
import { withReadAhead } from './read-ahead';
import { replicatePhase, type PhaseResult, type RunningPhase } from './replicate-phase';
import type { SyncRunner, SyncRunOutcome, SyncTrigger } from './schedule';
import { appendRunHistory, readRunHistory, readSyncState, writeSyncState, type SyncRunRecord, type SyncStateRecord } from './sync-state';

export type SyncState = 'idle' | 'active' | 'paused' | 'error';
export type SyncPhase = 'connect' | 'push' | 'pull-reference' | 'pull' | 'settle';

export interface SyncProgress {
  readonly runId: string;
  readonly phase: SyncPhase;
  /** Documents written (either way) so far in this run. */
  readonly docsDone: number;
  /** Push: local changes not yet examined. Pull: the server's count when it gives one. */
  readonly remaining: number | null;
  readonly docsPerSecond: number;
}

export interface SyncStatus {
  readonly state: SyncState;
  readonly running: boolean;
  readonly pendingChanges: number;
  readonly lastSuccessAt: string | null;
  readonly lastError: SyncError | null;
  readonly progress: SyncProgress | null;
  /** Size of the local database file, for the local-growth display. */
  readonly localDatabaseBytes: number;
}

export interface SyncEngineOptions {
  readonly store: DocumentStoreApi;
  readonly clinicCode: string;
  readonly endpoint: CountyEndpoint;
  /** The county's read-only reference database; null to skip. Default `county_reference`. */
  readonly referenceDatabase?: string | null;
  readonly batching?: BatchSettings;
  /** Underlying HTTP fetch (tests inject faults here). */
  readonly fetch?: RemoteFetch;
  /** Largest reply accepted from the county; default MAX_REPLY_BYTES (remote-fetch.ts). */
  readonly maxReplyBytes?: number;
  readonly clock?: Clock;
  readonly historyLimit?: number;
}

export interface SyncEngineEvents {
  state: [SyncState];
  progress: [SyncProgress];
  run: [SyncRunRecord];
}

/** Errors that mean the line could not carry a batch in time: try smaller batches next run. */
const LINE_TROUBLE = new Set(['SYNC_TIMEOUT', 'SYNC_CONNECTION_LOST', 'SYNC_REPLY_TOO_LARGE']);
/** Errors that no timer may retry: each try with the same credentials feeds the server's lockout. */
const CREDENTIALS_REFUSED = new Set(['SYNC_AUTH_FAILED', 'SYNC_ACCOUNT_LOCKED']);

export class SyncEngine extends EventEmitter<SyncEngineEvents> implements SyncRunner {
  private readonly store: DocumentStoreApi;
  private readonly clinicCode: string;
  private endpoint: CountyEndpoint;
  private readonly referenceDatabase: string | null;
  private readonly batching: BatchSettings;
  private readonly batchSize: AdaptiveBatchSize;
  private readonly fetchImpl: RemoteFetch | undefined;
  private readonly maxReplyBytes: number | undefined;
  private readonly clock: Clock;
  private readonly historyLimit: number | undefined;
  private readonly PouchDB: PouchStatic;
  private readonly localAll: PouchDatabase;
  private readonly localPush: PouchDatabase;
  private state: SyncState = 'idle';
  private progress: SyncProgress | null = null;
  private current: RunningPhase | null = null;
  private cancelRequested = false;
  private running: Promise<SyncRunOutcome> | null = null;
  private pending = 0;
  private credentialsRefused = false;

  constructor(options: SyncEngineOptions) {
    super();
    this.store = options.store;
    this.clinicCode = options.clinicCode;
    this.endpoint = options.endpoint;
    this.referenceDatabase = options.referenceDatabase === undefined ? REFERENCE_DATABASE : options.referenceDatabase;
    this.batching = options.batching ?? RURAL_LINE;
    this.batchSize = new AdaptiveBatchSize(this.batching.batchSize);
    this.fetchImpl = options.fetch;
    this.maxReplyBytes = options.maxReplyBytes;
    this.clock = options.clock ?? systemClock;
    this.historyLimit = options.historyLimit;
    this.PouchDB = clinicPouchDB();
    this.localAll = openLocalPouch(this.store, { name: 'clinic' });
    // Reference data and design documents came from the county and are never pushed back.
    this.localPush = openLocalPouch(this.store, { name: 'clinic-push', hideId: isNeverPushed, viewName: 'push' });
    const saved = readSyncState(this.store);
    this.state = saved.lastError ? (saved.lastError.retryable ? 'paused' : 'error') : 'idle';
    this.credentialsRefused = saved.lastError !== null && CREDENTIALS_REFUSED.has(saved.lastError.code);
    this.refreshPending();
  }

  status(): SyncStatus {
    const saved = readSyncState(this.store);
    return {
      state: this.state,
      running: this.running !== null,
      pendingChanges: this.pending,
      lastSuccessAt: saved.lastSuccessAt,
      lastError: saved.lastError,
      progress: this.progress,
      localDatabaseBytes: this.store.info().fileSizeBytes,
    };
  }

  /** Documents refused at the boundary in earlier runs, kept aside for the administrator. */
  refusedDocuments(): RefusedDocument[] {
    return readRefusedDocuments(this.store);
  }

  history(): SyncRunRecord[] {
    return readRunHistory(this.store);
  }

  /** Re-count local changes not yet pushed (call after local writes if the status bar shows it). */
  refreshPending(): number {
    this.pending = countPendingChanges(this.store, readSyncState(this.store).pushedSeq, isNeverPushed);
    return this.pending;
  }

  /** The last run's credentials were refused (or the account locked) and have not changed since. */
  waitingForCredentials(): boolean {
    return this.credentialsRefused;
  }

  /** New credentials or server address (from the sync settings screen). Clears a stale error. */
  setEndpoint(endpoint: CountyEndpoint): void {
    this.endpoint = endpoint;
    this.credentialsRefused = false;
    if (this.state === 'error' && !this.running) this.setState('idle');
  }

  /** Stops the run in progress after the batch being written (the checkpoint stays consistent). */
  cancel(): void {
    if (!this.running) return;
    this.cancelRequested = true;
    this.current?.cancel();
  }

  run(trigger: SyncTrigger): Promise<SyncRunOutcome> {
    if (this.running) return this.running;
    this.running = this.execute(trigger).finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async execute(trigger: SyncTrigger): Promise<SyncRunOutcome> {
    const runId = randomUUID();
    const startedAt = new Date(this.clock.now()).toISOString();
    const rate = new RateMeter(this.clock);
    const counts = { pushed: 0, pulled: 0, referencePulled: 0 };
    const denied: Array<{ id: string; reason: string }> = [];
    const refused: RefusedDocument[] = [];
    const onRefused = (id: string, doc: unknown, reason: string): void => {
      refused.push(describeRefused(doc, id, reason, new Date(this.clock.now()).toISOString()));
    };
    let deniedCount = 0;
    let referenceError: SyncError | null = null;
    let doneBefore = 0;
    this.cancelRequested = false;
    this.setState('active');

    const timeoutMs = this.batching.requestTimeoutMs;
    // Connections are reused within a run and closed at its end (nothing stays open overnight).
    const agents = keepAliveAgents();
    const remote = (database: string): PouchDatabase =>
      openRemoteDatabase(this.PouchDB, this.endpoint, database, {
        timeoutMs,
        fetch: this.fetchImpl,
        agents,
        onRefused,
        maxReplyBytes: this.maxReplyBytes,
        compressRequests: this.batching.compressRequests,
      });
    /** A county database to pull from: its next batches are fetched while the store writes this one. */
    const pullSource = (database: string): PouchDatabase =>
      withReadAhead(asReplicationSource(remote(database)), {
        revsDiff: (request) => this.store.revsDiff(request),
        maxBatches: this.batching.batchesLimit,
      }).db;
    const emitProgress = (phase: SyncPhase, docsInPhase: number, remaining: number | null): void => {
      rate.record(doneBefore + docsInPhase);
      this.progress = { runId, phase, docsDone: doneBefore + docsInPhase, remaining, docsPerSecond: rate.perSecond() };
      this.emit('progress', this.progress);
    };
    const runPhase = async (
      phase: SyncPhase,
      source: PouchDatabase,
      target: PouchDatabase,
      options: { checkpoint?: 'target'; pushing?: boolean },
    ): Promise<PhaseResult> => {
      if (this.cancelRequested) throw syncError('SYNC_CANCELLED');
      const startPending = options.pushing ? this.refreshPending() : null;
      emitProgress(phase, 0, startPending);
      const running = replicatePhase(this.PouchDB, source, target, {
        batchSize: this.batchSize.current,
        batchesLimit: this.batching.batchesLimit,
        checkpoint: options.checkpoint,
        onProgress: (p) => emitProgress(phase, p.docsWritten, startPending !== null ? Math.max(0, startPending - p.changesExamined) : p.sourcePending),
        onCheckpoint: (seq) => {
          if (options.pushing && typeof seq === 'number') writeSyncState(this.store, { pushedSeq: seq });
        },
      });
      this.current = running;
      try {
        const result = await running.done;
        if (result.cancelled || this.cancelRequested) throw syncError('SYNC_CANCELLED');
        doneBefore += result.docsWritten;
        deniedCount += result.deniedCount;
        for (const d of result.denied) if (denied.length < 20) denied.push(d);
        if (options.pushing && typeof result.lastSeq === 'number') writeSyncState(this.store, { pushedSeq: result.lastSeq });
        return result;
      } finally {
        this.current = null;
      }
    };

    let error: SyncError | null = null;
    try {
      this.progress = { runId, phase: 'connect', docsDone: 0, remaining: null, docsPerSecond: 0 };
      this.emit('progress', this.progress);
      const clinicRemote = remote(clinicDatabaseName(this.clinicCode));
      // Fails fast, with a clear reason, on a wrong password (at its first 401), a locked account,
      // a missing database or no network.
      await checkDatabaseAccess(
        createRemoteFetch({ timeoutMs, fetch: this.fetchImpl, agents, maxReplyBytes: this.maxReplyBytes }),
        this.endpoint,
        clinicDatabaseName(this.clinicCode),
        () => this.clock.now(),
      );

      counts.pushed += (await runPhase('push', this.localPush, clinicRemote, { pushing: true })).docsWritten;

      if (this.referenceDatabase) {
        try {
          // The reference database is read-only for clinics: checkpoints on our side only.
          const source = pullSource(this.referenceDatabase);
          counts.referencePulled = (await runPhase('pull-reference', source, this.localAll, { checkpoint: 'target' })).docsWritten;
        } catch (e) {
          const classified = classifySyncError(e);
          if (classified.code === 'SYNC_CANCELLED' || classified.code === 'SYNC_LOCAL_DISK_FULL' || classified.code === 'SYNC_LOCAL_STORE') throw e;
          referenceError = classified;
        }
      }

      counts.pulled = (await runPhase('pull', pullSource(clinicDatabaseName(this.clinicCode)), this.localAll, {})).docsWritten;
      if (counts.pulled > 0 || counts.referencePulled > 0) {
        counts.pushed += (await runPhase('settle', this.localPush, clinicRemote, { pushing: true })).docsWritten;
      }
    } catch (e) {
      error = classifySyncError(e);
    } finally {
      agents.destroy();
    }

    const endedAt = new Date(this.clock.now()).toISOString();
    const outcome: SyncRunRecord['outcome'] = error === null ? 'ok' : error.code === 'SYNC_CANCELLED' ? 'cancelled' : 'error';
    const record: SyncRunRecord = {
      id: runId,
      trigger,
      startedAt,
      endedAt,
      outcome,
      ...counts,
      denied,
      deniedCount,
      refused: refused.slice(0, 20).map((r) => ({ id: r.id, rev: r.rev, reason: r.reason, code: 'SYNC_BAD_RESPONSE' as const })),
      refusedCount: refused.length,
      error,
      referenceError,
    };
    const statePatch: Partial<SyncStateRecord> =
      error === null
        ? { lastSuccessAt: endedAt, lastRunAt: endedAt, lastError: null }
        : { lastRunAt: endedAt, lastError: outcome === 'cancelled' ? null : error };
    try {
      writeSyncState(this.store, statePatch);
      keepRefusedDocuments(this.store, refused);
      appendRunHistory(this.store, record, this.historyLimit);
    } catch (e) {
      // A full disk can also refuse our bookkeeping; the run's outcome still stands.
      error ??= classifySyncError(e);
    }
    if (error !== null && CREDENTIALS_REFUSED.has(error.code)) this.credentialsRefused = true;
    if (error && LINE_TROUBLE.has(error.code)) this.batchSize.shrink();
    else if (!error) this.batchSize.grow();
    this.refreshPending();
    this.progress = null;
    this.setState(error === null || outcome === 'cancelled' ? 'idle' : error.retryable ? 'paused' : 'error');
    this.emit('run', record);
    return error === null ? { ok: true } : { ok: false, error };
  }

  private setState(state: SyncState): void {
    if (this.state === state) return;
    this.state = state;
    this.emit('state', state);
  }
}
