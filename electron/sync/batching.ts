/**
 * How much the replicator asks for at once. On a rural line (often a shared 4G router or a few
 * hundred kbit/s of ADSL) a batch must be small enough to finish before the line drops and cheap
 * to redo when it does: PouchDB writes a checkpoint after each batch, so a cut costs at most the
 * batches in flight. `batches_limit` bounds how many batches are read ahead of the writer.
 * https://pouchdb.com/api.html#replication (batch_size, batches_limit)
 */
export interface BatchSettings {
  /** Changes per batch (PouchDB `batch_size`). */
  readonly batchSize: number;
  /** Batches read ahead (PouchDB `batches_limit`). */
  readonly batchesLimit: number;
  /** Any single HTTP request (headers and body) taking longer than this is abandoned. */
  readonly requestTimeoutMs: number;
  /**
   * Send request bodies (`_bulk_docs`, `_revs_diff`, `_bulk_get`) gzip-compressed. Documents are
   * JSON and shrink four- to sixfold; CouchDB 3 and express-pouchdb both accept `Content-Encoding:
   * gzip` on requests. On a LAN the compression only costs time.
   */
  readonly compressRequests?: boolean;
}

/** ~100 small documents ≈ 100–300 KB: a few seconds even on a poor line. */
export const RURAL_LINE: BatchSettings = { batchSize: 100, batchesLimit: 2, requestTimeoutMs: 120_000, compressRequests: true };

/** A health centre's own LAN, or loopback in benchmarks. */
export const FAST_LINE: BatchSettings = { batchSize: 500, batchesLimit: 4, requestTimeoutMs: 30_000 };

export const MIN_BATCH_SIZE = 10;

/**
 * Shrinks the batch after a timeout or a cut connection and grows it back after clean runs, so a
 * line that cannot carry a full batch before dropping still makes progress.
 */
export class AdaptiveBatchSize {
  private size: number;
  constructor(private readonly max: number) {
    this.size = max;
  }

  get current(): number {
    return this.size;
  }

  /** The last run was cut short by the line: halve (down to MIN_BATCH_SIZE). */
  shrink(): void {
    this.size = Math.max(MIN_BATCH_SIZE, Math.floor(this.size / 2));
  }

  /** The last run went through cleanly: double (up to the configured size). */
  grow(): void {
    this.size = Math.min(this.max, this.size * 2);
  }
}
