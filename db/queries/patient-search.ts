/**
 * Look-ups in `patient_search_keys` (db/schema/patient-search.ts). Every query is an index seek or
 * range scan; none reads the patients table.
 */
import type { SearchKeyKind } from '../../shared/search/patient-keys';
import type { ClinicOrm } from '../orm';
import { statement } from './statements';

export interface SearchKeyHit {
  readonly patientId: string;
  readonly rank: number;
  readonly kind: SearchKeyKind;
  readonly value: string;
}

interface KeyRow {
  readonly patient_id: string;
  readonly rank: number;
  readonly value: string;
}

/**
 * The upper bound of a prefix range: every value that starts with `prefix` sorts below it
 * (BINARY collation compares UTF-8 bytes; U+10FFFF is the largest character).
 */
function prefixEnd(prefix: string): string {
  return `${prefix}\u{10FFFF}`;
}

const withKind =
  (kind: SearchKeyKind) =>
  (row: KeyRow): SearchKeyHit => ({ patientId: row.patient_id, rank: row.rank, kind, value: row.value });

/** Look-ups by search key: what the patient search asks while someone types. */
export function patientSearchQueries(db: ClinicOrm) {
  return {
    /** Patients whose key equals `value`, most recent first. */
    searchExact(kind: SearchKeyKind, value: string, limit: number): SearchKeyHit[] {
      return statement<[string, string, number], KeyRow>(
        db,
        'SELECT patient_id, rank, value FROM patient_search_keys WHERE kind = ? AND value = ? ORDER BY rank DESC LIMIT ?',
      )
        .all(kind, value, limit)
        .map(withKind(kind));
    },

    /**
     * Patients with a key that starts with `prefix` and is longer than it, most recent first.
     *
     * Two plans, chosen by how many keys the prefix covers (counted first, capped, ~0.15 µs a key).
     * Up to `sortLimit`: scan that key range and let SQLite keep the most recent (`+rank` keeps the
     * planner on the key range). More (a surname, one letter): walk the recency index from the newest
     * and keep the keys that fit; the prefix then covers more than sortLimit / (keys of the kind), so
     * a page turns up within about limit × (keys of the kind) / sortLimit entries. At a million
     * patients (~1.3 million keys of a kind) 3,000 bounds both plans at about 2 ms.
     */
    searchPrefix(kind: SearchKeyKind, prefix: string, limit: number, sortLimit = 3000): SearchKeyHit[] {
      const end = prefixEnd(prefix);
      const covered = statement<[string, string, string, number], number>(
        db,
        'SELECT count(*) FROM (SELECT 1 FROM patient_search_keys WHERE kind = ? AND value > ? AND value < ? LIMIT ?)',
      )
        .pluck()
        .get(kind, prefix, end, sortLimit + 1);
      const source =
        (covered ?? 0) <= sortLimit
          ? 'SELECT patient_id, rank, value FROM patient_search_keys WHERE kind = ? AND value > ? AND value < ? ORDER BY +rank DESC, patient_id LIMIT ?'
          : // `+value`: the range is a filter on each entry, never a seek, so the walk stays in rank order and stops early.
            `SELECT patient_id, rank, value FROM patient_search_keys INDEXED BY patient_search_keys_recent_idx
             WHERE kind = ? AND +value > ? AND +value < ? ORDER BY rank DESC LIMIT ?`;
      return statement<[string, string, string, number], KeyRow>(db, source).all(kind, prefix, end, limit).map(withKind(kind));
    },
  };
}
