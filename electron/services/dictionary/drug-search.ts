/**
 * Drug search while prescribing, from memory: the clinic's list (a few thousand drugs) is indexed
 * like the ICD list (shared/codes/dictionary-index.ts) and rebuilt after the store changes, since a
 * drug can arrive by replication as well as from the administrator's screen. A scan in SQL costs a
 * few milliseconds a keystroke; the index, microseconds.
 */
import type { DrugQueries, DrugRow } from '../../../db/queries';
import type { DocumentStoreApi } from '../../../db/store/types';
import { DictionaryIndex } from '../../../shared/codes';

type IndexedDrug = DrugRow & { readonly name: string };

export class DrugSearch {
  private index: DictionaryIndex<IndexedDrug> | null = null;
  private readonly stop: () => void;

  constructor(
    private readonly drugs: DrugQueries,
    store: Pick<DocumentStoreApi, 'onChanges'>,
  ) {
    this.stop = store.onChanges(() => {
      this.index = null;
    });
  }

  /** Active drugs for what was typed: exact code first, then initials, then names (shorter first). */
  search(query: string, limit: number): DrugRow[] {
    this.index ??= new DictionaryIndex(
      this.drugs
        .list()
        .filter((d) => d.active)
        .map((d) => ({ ...d, name: d.genericName })),
    );
    return this.index.search(query, limit).map(({ entry: { name: _name, ...drug } }) => drug);
  }

  close(): void {
    this.stop();
  }
}
