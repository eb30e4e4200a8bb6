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

const withKind = (kind: SearchKeyKind) => (row: KeyRow): SearchKeyHit => ({ patientId: row.patient_id, rank: row.rank, kind, value: row.value });

/** Patients whose key equals `value`, most recent first. */
export function searchKeyExact(db: ClinicOrm, kind: SearchKeyKind, value: string, limit: number): SearchKeyHit[] {
  return statement<[string, string, number], KeyRow>(
    db,
    'SELECT patient_id, rank, value FROM patient_search_keys WHERE kind = ? AND value = ? ORDER BY rank DESC LIMIT ?',
  )
    .all(kind, value, limit)
    .map(withKind(kind));
}

/**
 * Patients with a key that starts with `prefix` and is longer than it, most recent first.
 *
 * Two plans, chosen by how many keys the prefix covers. Up to `sortLimit` keys: read them all in key
 * order and sort in memory. More than that (a surname, one letter): walk the recency index from the
 * newest and keep the keys that fit, which stops after about limit × (keys of the kind ÷ keys that
 * fit) entries, at most a few thousand when the prefix covers more than `sortLimit` keys.
 */
export function searchKeyPrefix(db: ClinicOrm, kind: SearchKeyKind, prefix: string, limit: number, sortLimit = 2000): SearchKeyHit[] {
  const end = prefixEnd(prefix);
  const sparse = statement<[string, string, string, number], KeyRow>(
    db,
    'SELECT patient_id, rank, value FROM patient_search_keys WHERE kind = ? AND value > ? AND value < ? LIMIT ?',
  ).all(kind, prefix, end, sortLimit + 1);
  if (sparse.length <= sortLimit) {
    return sparse
      .sort((a, b) => b.rank - a.rank || (a.patient_id < b.patient_id ? -1 : a.patient_id > b.patient_id ? 1 : 0))
      .slice(0, limit)
      .map(withKind(kind));
  }
  return statement<[string, string, string, number], KeyRow>(
    db,
    `SELECT patient_id, rank, value FROM patient_search_keys INDEXED BY patient_search_keys_recent_idx
     WHERE kind = ? AND value > ? AND value < ? ORDER BY rank DESC LIMIT ?`,
  )
    .all(kind, prefix, end, limit)
    .map(withKind(kind));
}
