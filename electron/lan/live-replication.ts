/**
 * Live replication with the centre's endpoint: two continuous PouchDB replications (push and pull)
 * between this PC's store and the centre's database, started again with the existing backoff
 * (shared/time/backoff.ts) after anything that stops them: the endpoint restarting, a cable
 * pulled, a sleep. Each start resumes from the replication checkpoints, so nothing is sent twice
 * in bulk and nothing is skipped.
 *
 * The UI's writes never wait for it: the push side hears of a local write through the store's
 * change notifier, after the write has committed, and reads it on its own turn. A failure only
 * stops replication; documents are written by the replicator through the store's one write path,
 * a batch at a time, and pulled ones cross the same boundary as the county's (incoming-check.ts,
 * refused documents kept aside).
 */
import { EventEmitter } from 'node:events';
import type { DocumentStoreApi } from '../../db/store/types';
import { createBackoff, type Backoff, type BackoffOptions } from '../../shared/time/backoff';
import { systemClock, type Clock } from '../../shared/time/clock';
import {
  classifySyncError,
  clinicPouchDB,
  countPendingChanges,
  describeRefused,
  keepRefusedDocuments,
  openLocalPouch,
  type PouchDatabase,
  type Replication,
  type SyncError,
} from '../sync';
import { LONGPOLL_MS, type LanRemote, type LanRemoteFactory } from './remote';
import { readLanState, writeLanState } from './lan-state';
import { claimQueueNumber, type QueueClaim } from './queue-claim';
import { refusalRetryDelay, STALL_LONGPOLLS, StallWatch, stalledError } from './link-health';

export type LanLinkState = 'connecting' | 'connected' | 'unreachable' | 'refused' | 'stopped';

export interface LanLinkStatus {
  readonly state: LanLinkState;
  /** When a document last arrived from the endpoint (ISO), across restarts. */
  readonly lastReceivedAt: string | null;
  /** When the endpoint last answered (ISO), across restarts. */
  readonly lastContactAt: string | null;
  /** Local changes the endpoint has not confirmed yet. */
  readonly pendingChanges: number;
  readonly lastError: SyncError | null;
  /** When the next attempt starts (ISO), while waiting after a failure. */
  readonly retryAt: string | null;
  /** Documents the endpoint refused one by one since the program started (validation, permissions). */
  readonly deniedCount: number;
}

export interface LiveReplicationOptions {
  readonly store: DocumentStoreApi;
  readonly remote: LanRemoteFactory;
  readonly clock?: Clock;
  readonly backoff?: BackoffOptions;
  readonly batchSize?: number;
  /** How long the endpoint holds a pull open with no change (keep below the remote's request deadline). */
  readonly longpollMs?: number;
  /** How long a silent timer may lag before we take it as a sleep and reconnect at once (also how often a stall is checked). */
  readonly wakeCheckMs?: number;
  /** Waits before trying a refused endpoint again (link-health.ts); the last repeats. */
  readonly refusedRetryMs?: ReadonlyArray<number>;
  /** A connection with no answer and no replication event for this long is ended (link-health.ts). */
  readonly stallMs?: number;
}

export interface LiveReplicationEvents {
  status: [LanLinkStatus];
  /** Documents arrived from the endpoint (their count). */
  received: [number];
}

/** Only design documents stay home: reference data travels through the hub like everything else. */
const hideDesignDocuments = (id: string): boolean => id.startsWith('_design/');
/** Refusals: tried again only slowly (CouchDB locks an account out after repeated failed logins). */
const NOT_BY_TIMER = new Set(['SYNC_AUTH_FAILED', 'SYNC_ACCOUNT_LOCKED', 'SYNC_FORBIDDEN', 'SYNC_DATABASE_MISSING', 'SYNC_CERTIFICATE']);
/** After this long connected without trouble, the next failure starts the backoff from its first step. */
const STEADY_MS = 30_000;

export class LiveReplication extends EventEmitter<LiveReplicationEvents> {
  private readonly store: DocumentStoreApi;
  private readonly clock: Clock;
  private readonly backoff: Backoff;
  private readonly local: PouchDatabase;
  private readonly localPush: PouchDatabase;
  private state: LanLinkState = 'stopped';
  private lastError: SyncError | null = null;
  private retryAt: number | null = null;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private wakeTimer: ReturnType<typeof setInterval> | null = null;
  private connection: { remote: LanRemote; push: Replication; pull: Replication; since: number } | null = null;
  private pushedSeq: number;
  private pending = 0;
  private denied = 0;
  /** Refusals in a row, for the slow retry after each. */
  private refusals = 0;
  private readonly stall: StallWatch;
  private stopped = true;
  private unsubscribe: (() => void) | null = null;

  constructor(private readonly options: LiveReplicationOptions) {
    super();
    this.store = options.store;
    this.clock = options.clock ?? systemClock;
    // A LAN is cheap to try again: a short cap, so a restarted hub is found within half a minute.
    this.backoff = createBackoff({ initialMs: 1_000, maxMs: 30_000, ...options.backoff });
    this.local = openLocalPouch(this.store, { name: 'centre-pull' });
    this.localPush = openLocalPouch(this.store, { name: 'centre-push', hideId: hideDesignDocuments, viewName: 'lan-push' });
    this.pushedSeq = readLanState(this.store).pushedSeq;
    this.stall = new StallWatch(() => this.clock.now(), options.stallMs ?? STALL_LONGPOLLS * (options.longpollMs ?? LONGPOLL_MS));
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.unsubscribe = this.store.onChanges(() => this.recountPending());
    this.recountPending();
    this.watchForWake();
    this.connect();
  }

  /** Ends both replications and every timer; local data stays as the last batch left it. */
  stop(): void {
    this.stopped = true;
    this.unsubscribe?.();
    this.unsubscribe = null;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    if (this.wakeTimer) clearInterval(this.wakeTimer);
    this.retryTimer = null;
    this.wakeTimer = null;
    this.disconnect();
    this.setState('stopped');
  }

  /** Reconnect now (the network came back, the settings changed, 立即连接). */
  reconnectNow(): void {
    if (this.stopped) return;
    this.backoff.reset();
    this.disconnect();
    this.connect();
  }

  /**
   * Claims a centre-wide 就诊序号 on the endpoint (queue-claim.ts); null at once when the link is not
   * up, or when the endpoint has not settled it within `deadlineMs` (the desk then numbers alone).
   */
  async claimQueueNumber(claim: QueueClaim, deadlineMs = 1_500): Promise<number | null> {
    if (this.state !== 'connected') return null;
    const remote = this.options.remote({ onRefused: () => undefined });
    let timer: ReturnType<typeof setTimeout> | undefined;
    try {
      const late = new Promise<null>((resolve) => {
        timer = setTimeout(() => resolve(null), deadlineMs);
      });
      return await Promise.race([claimQueueNumber(remote.db, claim, this.isoNow()), late]);
    } finally {
      clearTimeout(timer);
      remote.close();
    }
  }

  status(): LanLinkStatus {
    const saved = readLanState(this.store);
    return {
      state: this.state,
      lastReceivedAt: saved.lastReceivedAt,
      lastContactAt: saved.lastContactAt,
      pendingChanges: this.pending,
      lastError: this.lastError,
      retryAt: this.retryAt === null ? null : new Date(this.retryAt).toISOString(),
      deniedCount: this.denied,
    };
  }

  private connect(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.retryAt = null;
    this.stall.alive();
    this.setState('connecting');
    const refused: Array<ReturnType<typeof describeRefused>> = [];
    let remote: LanRemote;
    try {
      remote = this.options.remote({
        onRefused: (id, doc, reason) => refused.push(describeRefused(doc, id, reason, this.isoNow())),
        onAnswer: () => this.stall.alive(),
      });
    } catch (error) {
      this.failed(error);
      return;
    }
    const PouchDB = clinicPouchDB();
    const live = {
      live: true,
      retry: false,
      batch_size: this.options.batchSize ?? 100,
      batches_limit: 4,
      heartbeat: false,
      timeout: this.options.longpollMs ?? LONGPOLL_MS,
    };
    const push = PouchDB.replicate(this.localPush, remote.db, live);
    const pull = PouchDB.replicate(remote.db, this.local, live);
    const connection = { remote, push, pull, since: this.clock.now() };
    this.connection = connection;
    const current = () => this.connection === connection;

    for (const replication of [push, pull]) {
      const alive = (): void => this.stall.alive();
      replication.on('change', alive).on('checkpoint', alive).on('paused', alive).on('active', alive);
      // As in a county run (replicate-phase.ts): stop the batch in flight at once, so no
      // checkpoint passes changes whose documents were never fetched.
      replication.on('error', (error) => {
        replication.cancel();
        if (current()) this.failed(error);
      });
      replication.on('complete', () => {
        // A live replication completes only when cancelled; by us (disconnect) or by PouchDB after an error.
        if (current() && !this.stopped) this.failed(new Error('replication ended'));
      });
      replication.on('paused', (error) => {
        if (!current() || error) return;
        this.contact();
        if (this.clock.now() - connection.since > STEADY_MS) this.backoff.reset();
        this.setState('connected');
      });
      replication.on('active', () => {
        if (current()) this.setState('connected');
      });
    }
    // A document the endpoint refuses (validate_doc_update, permissions) is counted, not fatal.
    push.on('denied', () => {
      this.denied += 1;
    });
    // A checkpoint is written after every batch, whether or not it carried documents the other
    // side lacked (changes pulled from the endpoint come back through the push and are skipped).
    push.on('checkpoint', (info) => {
      const seq = info.checkpoint;
      if (!current() || typeof seq !== 'number') return;
      if (seq > this.pushedSeq) {
        this.pushedSeq = seq;
        writeLanState(this.store, { pushedSeq: seq, lastContactAt: this.isoNow() });
      }
      this.recountPending();
    });
    pull.on('checkpoint', (info) => {
      if (!current() || !('checkpoint' in info)) return;
      if (refused.length > 0) keepRefusedDocuments(this.store, refused.splice(0));
      this.contact();
    });
    pull.on('change', (info) => {
      if (!current()) return;
      const at = this.isoNow();
      writeLanState(this.store, { lastReceivedAt: at, lastContactAt: at });
      this.emit('received', info.docs?.length ?? 0);
      this.setState('connected');
    });
  }

  private contact(): void {
    writeLanState(this.store, { lastContactAt: this.isoNow() });
  }

  private disconnect(): void {
    const connection = this.connection;
    this.connection = null;
    if (!connection) return;
    connection.push.cancel();
    connection.pull.cancel();
    connection.remote.close();
  }

  private failed(error: unknown): void {
    this.disconnect();
    const classified = classifySyncError(error);
    this.lastError = classified;
    if (this.stopped) return;
    const refusal = NOT_BY_TIMER.has(classified.code);
    const delay = refusal ? refusalRetryDelay(classified, this.refusals++, this.clock.now(), this.options.refusedRetryMs) : this.backoff.next();
    this.retryAt = this.clock.now() + delay;
    this.setState(refusal ? 'refused' : 'unreachable');
    this.retryTimer = setTimeout(() => (refusal ? void this.probe() : this.connect()), delay);
    this.retryTimer.unref?.();
  }

  /** After a refusal: one request (one login) decides whether to connect, not the dozen of a full start. */
  private async probe(): Promise<void> {
    this.retryTimer = null;
    let remote: LanRemote | null = null;
    try {
      remote = this.options.remote({ onRefused: () => undefined });
      // Not info(): the replication source answers that from memory when it fails (asReplicationSource).
      await remote.db.allDocs({ limit: 0 });
    } catch (error) {
      if (!this.stopped && this.retryTimer === null && !this.connection) this.failed(error);
      return;
    } finally {
      remote?.close();
    }
    if (!this.stopped && this.retryTimer === null && !this.connection) this.connect();
  }

  /**
   * After a sleep every socket may be dead without having said so, and a retry timer may be far off
   * in wall time. A timer that fires much later than asked means the machine slept: start again.
   * The same tick ends a connection that has gone quiet without failing (link-health.ts).
   */
  private watchForWake(): void {
    const every = this.options.wakeCheckMs ?? 5_000;
    let last = this.clock.now();
    this.wakeTimer = setInterval(() => {
      const now = this.clock.now();
      const slept = now - last > every * 4;
      last = now;
      if (slept && !this.stopped) this.reconnectNow();
      else if (this.connection && (this.state === 'connecting' || this.state === 'connected')) {
        const quiet = this.stall.stalledFor();
        if (quiet !== null) this.failed(stalledError(quiet));
      }
    }, every);
    this.wakeTimer.unref?.();
  }

  private recountPending(): void {
    const before = this.pending;
    this.pending = countPendingChanges(this.store, this.pushedSeq, hideDesignDocuments);
    if (before !== this.pending) this.emit('status', this.status());
  }

  private setState(state: LanLinkState): void {
    if (state === 'connected') {
      this.lastError = null;
      this.refusals = 0;
    }
    if (this.state === state) return;
    this.state = state;
    this.emit('status', this.status());
  }

  private isoNow(): string {
    return new Date(this.clock.now()).toISOString();
  }
}
