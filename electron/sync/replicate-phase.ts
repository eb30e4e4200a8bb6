/**
 * One one-way PouchDB replication (a "phase" of a sync run), as a promise with typed progress.
 * PouchDB's replicator does the protocol: changes → revs_diff → bulk_get → bulk_docs
 * (new_edits:false) → checkpoint, batch after batch
 * (https://docs.couchdb.org/en/stable/replication/protocol.html).
 *
 * `retry: false`: we do not let PouchDB retry forever inside a run; the scheduler retries whole
 * runs with backoff, and each run resumes from the checkpoints.
 */
import type { PouchDatabase, PouchStatic, ReplicationInfo } from './pouch';

export interface PhaseProgress {
  /** Documents written to the target so far in this phase. */
  readonly docsWritten: number;
  /** Changes from the source examined so far (sent or already present). */
  readonly changesExamined: number;
  /** Changes left on the source, when the source says (CouchDB 2+ `pending`). */
  readonly sourcePending: number | null;
}

export interface PhaseResult {
  readonly docsWritten: number;
  readonly docsRead: number;
  readonly lastSeq: number | string | null;
  readonly cancelled: boolean;
  readonly denied: ReadonlyArray<{ readonly id: string; readonly reason: string }>;
  readonly deniedCount: number;
}

export interface PhaseOptions {
  readonly batchSize: number;
  readonly batchesLimit: number;
  /** Where checkpoints are written; 'target' for read-only sources (the reference database). */
  readonly checkpoint?: 'both' | 'target';
  onProgress?(progress: PhaseProgress): void;
  /** After each batch's checkpoint: the source sequence now safely replicated. */
  onCheckpoint?(seq: number | string): void;
}

export interface RunningPhase {
  readonly done: Promise<PhaseResult>;
  cancel(): void;
}

const DENIED_KEPT = 20;

export function replicatePhase(PouchDB: PouchStatic, source: PouchDatabase, target: PouchDatabase, options: PhaseOptions): RunningPhase {
  const replication = PouchDB.replicate(source, target, {
    batch_size: options.batchSize,
    batches_limit: options.batchesLimit,
    retry: false,
    ...(options.checkpoint === 'target' ? { checkpoint: 'target' } : {}),
  });
  // When PouchDB's replicator aborts on an error (a changes request that failed, say) it drops the
  // batches it had queued but lets the batch in flight run on, and that batch then reads further
  // changes and checkpoints past the dropped ones: their documents would never be fetched again.
  // Cancelling at once makes the batch in flight stop at its next step; its own checkpoint, if it
  // gets that far, covers only what it wrote. (replicate-phase.test.ts shows the loss without it.)
  replication.on('error', () => replication.cancel());
  let docsWritten = 0;
  let changesExamined = 0;
  let sourcePending: number | null = null;
  const denied: Array<{ id: string; reason: string }> = [];
  let deniedCount = 0;
  const report = (): void => options.onProgress?.({ docsWritten, changesExamined, sourcePending });

  replication.on('change', (info: ReplicationInfo & { pending?: number }) => {
    docsWritten = info.docs_written;
    if (typeof info.pending === 'number') sourcePending = info.pending;
    report();
  });
  replication.on('checkpoint', (info) => {
    if ('revs_diff' in info) {
      changesExamined += 1;
      if (changesExamined % 50 === 0) report();
    } else if ('checkpoint' in info && (typeof info.checkpoint === 'number' || typeof info.checkpoint === 'string')) {
      options.onCheckpoint?.(info.checkpoint);
    }
  });
  // A document the server refuses (validate_doc_update, permissions) is reported, not fatal.
  replication.on('denied', (error) => {
    deniedCount += 1;
    const e = error as { id?: unknown; reason?: unknown; message?: unknown };
    if (denied.length < DENIED_KEPT) denied.push({ id: String(e.id ?? ''), reason: String(e.reason ?? e.message ?? '') });
  });

  const done = Promise.resolve(replication).then((info): PhaseResult => {
    report();
    return {
      docsWritten: info.docs_written,
      docsRead: info.docs_read,
      lastSeq: info.last_seq ?? null,
      cancelled: info.status === 'cancelled',
      denied,
      deniedCount,
    };
  });
  return { done, cancel: () => replication.cancel() };
}
