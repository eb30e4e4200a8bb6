import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * The front desk's one search box, as an index (a projection of `patient` documents, its `rank`
 * kept current by the `encounter` projection). One row per searchable key of a patient, made by
 * shared/search/patient-keys.ts:
 *
 *   kind  n name · i pinyin initials · f full pinyin (readings of polyphonic given-name characters
 *         included) · d ID-document number · r the same reversed (for "身份证后四位") · p phone
 *         digits · q the same reversed (手机尾号) · c card number · m insurance number
 *   rank  YYYYMMDD of the patient's latest visit, or of the registration when none: recent first.
 *
 * The primary key starts (kind, value, rank), so an exact key is an index seek that comes out most
 * recent first, and a prefix is a range scan. `patient_search_keys_recent_idx` serves prefixes that
 * match too many patients to sort (a surname, one letter): read in rank order and stop at the
 * first page. Single-letter kinds keep ten million rows small. The migration makes the table
 * WITHOUT ROWID: the primary key is the table, so the rows are not stored twice.
 */
export const patientSearchKeys = sqliteTable(
  'patient_search_keys',
  {
    kind: text('kind').notNull(),
    value: text('value').notNull(),
    rank: integer('rank').notNull(),
    patientId: text('patient_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.kind, t.value, t.rank, t.patientId] }),
    index('patient_search_keys_recent_idx').on(t.kind, t.rank, t.value),
    index('patient_search_keys_patient_idx').on(t.patientId),
  ],
);
