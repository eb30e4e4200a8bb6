/**
 * PouchDB's `_changes` over the store's changes feed, page by page.
 * https://docs.couchdb.org/en/stable/api/database/changes.html
 *
 * Documents the view hides (reference data when pushing to the clinic's own database) are
 * skipped, but the feed still moves past them: we keep reading pages until `limit` visible rows
 * are found, because the replicator takes an empty page to mean "done".
 *
 * A live feed (`live`/`continuous`: live replication, `sync()`, the centre's LAN replication)
 * reads what is there, then waits for the store to say its sequence moved (`onChanges`, called
 * after each committed write, local or replicated) and reads on from where it stopped. Like
 * PouchDB's own adapters, a live feed ignores `limit` and ends only when cancelled.
 * Paging yields to the event loop so a long feed can be cancelled.
 */
import type { ChangeRow, DocumentStoreApi } from '../../../db/store/types';
import { changeRowReader, type ChangeRowOptions, type PouchChange } from './change-rows';
import { fromStoreException, notSupported } from './pouch-errors';

export type { PouchChange } from './change-rows';

/** The options PouchDB's core passes down to an adapter's `_changes`. */
export interface AdapterChangesOptions extends ChangeRowOptions {
  since?: number | string;
  limit?: number;
  descending?: boolean;
  style?: 'all_docs' | 'main_only';
  return_docs?: boolean;
  continuous?: boolean;
  view?: unknown;
  selector?: unknown;
  onChange(change: PouchChange): void;
  complete(error: unknown, result?: { results: PouchChange[]; last_seq: number; status?: string }): void;
}

const PAGE = 500;

/**
 * Design-document filters, views as filters and Mango selectors are turned into a filter
 * function by PouchDB's changes-filter plugin before they get here; one that arrives as a name
 * (with `doc_ids`, which the plugin leaves alone) is not run.
 */
function unsupportedOption(opts: AdapterChangesOptions): string | null {
  if (typeof opts.filter === 'function') return null;
  // CouchDB's built-in `_doc_ids` filter is what `doc_ids` does anyway.
  if (opts.filter === '_doc_ids' || opts.filter === '_doc_ids/_doc_ids') return null;
  if (typeof opts.filter === 'string') return 'design-document filters together with doc_ids';
  if (opts.view !== undefined || opts.selector !== undefined) return 'view or selector filters together with doc_ids';
  return null;
}

export function storeChanges(store: DocumentStoreApi, hideId: (id: string) => boolean, opts: AdapterChangesOptions): { cancel(): void } {
  const unsupported = unsupportedOption(opts);
  if (unsupported) {
    queueMicrotask(() => opts.complete(notSupported(unsupported)));
    return { cancel: () => undefined };
  }
  if (opts.descending && !opts.continuous) return descendingChanges(store, hideId, opts);

  const reader = changeRowReader(store, hideId, opts);
  const live = opts.continuous === true;
  const limit = !live && typeof opts.limit === 'number' && opts.limit > 0 ? opts.limit : Infinity;
  const keepResults = !live && opts.return_docs !== false;
  const results: PouchChange[] = [];
  let since = Number(opts.since ?? 0) || 0;
  let emitted = 0;
  let cancelled = false;
  /** A live feed that has read everything and waits for the store's next write. */
  let waiting = false;
  let unsubscribe = (): void => undefined;

  const finish = (error: unknown, result?: { results: PouchChange[]; last_seq: number }): void => {
    unsubscribe();
    opts.complete(error, result);
  };

  const step = (): void => {
    if (cancelled) return;
    try {
      const want = limit === Infinity ? PAGE : Math.min(PAGE, Math.max(1, limit - emitted));
      const page = store.changes({ since, limit: want, includeDocs: reader.needDocs, allLeaves: opts.style === 'all_docs' });
      for (const row of page.results) {
        since = row.seq;
        const change = reader.toChange(row);
        if (!change) continue;
        emitted += 1;
        opts.onChange(change);
        if (keepResults) results.push(change);
        if (emitted >= limit || cancelled) break;
      }
      if (cancelled) return;
      const exhausted = page.results.length < want;
      if (live && exhausted) {
        waiting = true;
        return;
      }
      if (emitted >= limit || exhausted) {
        // A full answer ends at the store's update sequence, like CouchDB's `last_seq`.
        const lastSeq = exhausted && emitted < limit ? Math.max(since, page.lastSeq) : since;
        finish(null, { results, last_seq: lastSeq });
        return;
      }
      setImmediate(step);
    } catch (error) {
      finish(fromStoreException(error));
    }
  };

  if (live) {
    // Subscribed before the first read, so no write can fall between reading and listening.
    unsubscribe = store.onChanges((updateSeq) => {
      if (cancelled || !waiting || updateSeq <= since) return;
      waiting = false;
      setImmediate(step);
    });
  }
  setImmediate(step);
  return {
    cancel() {
      // PouchDB's core answers the caller itself on cancel; we only stop reading and listening.
      cancelled = true;
      unsubscribe();
    },
  };
}

/**
 * Newest first, as PouchDB's adapters do it: `since` is ignored (CouchDB ignores it too when
 * descending) and `last_seq` is the sequence of the last row read. The store's feed runs forward
 * only, so this reads it whole and turns it round: fine for diagnostics, which is all that asks.
 */
function descendingChanges(store: DocumentStoreApi, hideId: (id: string) => boolean, opts: AdapterChangesOptions): { cancel(): void } {
  const reader = changeRowReader(store, hideId, opts);
  const limit = typeof opts.limit === 'number' && opts.limit > 0 ? opts.limit : Infinity;
  let cancelled = false;
  setImmediate(() => {
    if (cancelled) return;
    try {
      const rows: ChangeRow[] = [];
      for (let since = 0; ;) {
        const page = store.changes({ since, limit: PAGE, includeDocs: reader.needDocs, allLeaves: opts.style === 'all_docs' });
        rows.push(...page.results);
        if (page.results.length < PAGE) break;
        since = page.results[page.results.length - 1].seq;
      }
      const results: PouchChange[] = [];
      let lastSeq = Number(opts.since ?? 0) || 0;
      let emitted = 0;
      for (let i = rows.length - 1; i >= 0 && emitted < limit; i--) {
        lastSeq = rows[i].seq;
        const change = reader.toChange(rows[i]);
        if (!change) continue;
        emitted += 1;
        opts.onChange(change);
        if (opts.return_docs !== false) results.push(change);
      }
      opts.complete(null, { results, last_seq: lastSeq });
    } catch (error) {
      opts.complete(fromStoreException(error));
    }
  });
  return {
    cancel() {
      cancelled = true;
    },
  };
}
