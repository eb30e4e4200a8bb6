/**
 * Local changes not yet pushed: documents changed since the push checkpoint, counted on the
 * store's changes feed (each document once, however often it changed). Reference data is never
 * pushed, so it never counts.
 */
import type { DocumentStoreApi } from '../../db/store/types';

export function countPendingChanges(store: DocumentStoreApi, sinceSeq: number, hideId: (id: string) => boolean): number {
  let since = sinceSeq;
  let count = 0;
  const page = 5000;
  for (;;) {
    const { results } = store.changes({ since, limit: page });
    for (const row of results) if (!hideId(row.id)) count += 1;
    if (results.length < page) return count;
    since = results[results.length - 1].seq;
  }
}
