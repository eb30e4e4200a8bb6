/**
 * Read-ahead for pulls. PouchDB's replicator works one batch at a time: revs_diff, then bulk_get
 * from the server, then the local write, then the checkpoint. While our store writes a batch (a
 * synchronous SQLite transaction with its projections) the line sits idle, and while the server
 * prepares the next batch the store sits idle. CouchDB's own replicator overlaps the two with
 * several workers; this does the same for one pull:
 *
 * the replicator already reads the changes feed ahead of the batch it writes (`batches_limit`).
 * As each page of changes arrives, the revisions we do not hold are asked for at once with the
 * same `_bulk_get` request the replicator will make for that batch; when the replicator gets
 * there, the answer is already on its way or here. The replicator still does every step itself
 * and writes its checkpoint only after its write: nothing about what is durable changes.
 *
 * A request that does not match a prefetched one exactly (the local store changed in between,
 * other options) goes to the server as usual, and a prefetch that failed is asked for again, so
 * a fault costs a repeated request, never a wrong answer. At most `maxBatches` answers are held.
 */
import type { RevsDiffRequest, RevsDiffResponse } from '../../db/store/types';
import { isPlainBulkGet } from './bulk-get';
import type { PouchChangesResult, PouchDatabase } from './pouch';

type BulkGetResponse = Awaited<ReturnType<PouchDatabase['bulkGet']>>;
type Prefetched = Promise<{ ok: true; value: BulkGetResponse } | { ok: false }>;

export interface ReadAheadOptions {
  /** The local side's revs_diff (the store's, synchronous). */
  revsDiff(request: RevsDiffRequest): RevsDiffResponse;
  /** Batches fetched ahead at most (the replication's `batches_limit`). */
  readonly maxBatches: number;
}

export interface ReadAheadStats {
  /** bulk_get requests answered from a prefetch. */
  hits: number;
  /** bulk_get requests that went to the server as usual. */
  misses: number;
}

interface DocRequest {
  readonly id: string;
  readonly rev: string;
}

/** Order-free identity of a bulk_get request: the (id, rev) pairs it names. */
function requestKey(docs: ReadonlyArray<DocRequest>): string {
  return docs
    .map((d) => `${d.id}\u0000${d.rev}`)
    .sort()
    .join('\u0001');
}

/**
 * Makes the source database of a pull read ahead (the instance is changed in place, as it is made
 * for one run). Returns it with its counters.
 */
export function withReadAhead(source: PouchDatabase, options: ReadAheadOptions): { db: PouchDatabase; stats: ReadAheadStats } {
  const stats: ReadAheadStats = { hits: 0, misses: 0 };
  const prefetched = new Map<string, Prefetched>();
  const changes = source.changes.bind(source);
  const bulkGet = source.bulkGet.bind(source);

  const prefetch = (result: PouchChangesResult): void => {
    if (prefetched.size >= options.maxBatches || result.results.length === 0) return;
    const wanted: Record<string, string[]> = {};
    for (const row of result.results) wanted[row.id] = row.changes.map((c) => c.rev);
    const missing = options.revsDiff(wanted);
    const docs: DocRequest[] = [];
    for (const [id, diff] of Object.entries(missing)) for (const rev of diff.missing) docs.push({ id, rev });
    if (docs.length === 0) return;
    const key = requestKey(docs);
    if (prefetched.has(key)) return;
    prefetched.set(
      key,
      bulkGet({ docs, revs: true, latest: true }).then(
        (value) => ({ ok: true as const, value }),
        () => ({ ok: false as const }),
      ),
    );
  };

  const db: PouchDatabase = Object.assign(source, {
    changes(changeOptions?: Readonly<Record<string, unknown>>) {
      const feed = changes(changeOptions);
      // Only one-shot pages are read ahead: a live feed never ends a page.
      if (!changeOptions?.live && !changeOptions?.filter) {
        feed.then(
          (result) => {
            try {
              prefetch(result);
            } catch {
              // A failed local revs_diff only means no read-ahead; the replicator's own will report it.
            }
          },
          () => undefined,
        );
      }
      return feed;
    },
    async bulkGet(request: Readonly<Record<string, unknown>>) {
      const key = isPlainBulkGet(request) ? requestKey(request.docs) : null;
      const ahead = key === null ? undefined : prefetched.get(key);
      // Batches are written in order: prefetches older than this one (or, on a miss, the oldest,
      // which was meant for this batch) will not be asked for and are let go.
      for (const older of [...prefetched.keys()]) {
        if (older === key) break;
        prefetched.delete(older);
        if (!ahead) break;
      }
      if (key !== null && ahead) {
        prefetched.delete(key);
        const outcome = await ahead;
        if (outcome.ok) {
          stats.hits += 1;
          return outcome.value;
        }
      }
      stats.misses += 1;
      return bulkGet(request);
    },
  });
  return { db, stats };
}
