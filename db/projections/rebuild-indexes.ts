import type Database from 'better-sqlite3';

/**
 * Indexes a rebuild builds once, at its end, instead of row by row. Keeping every index up to date
 * while a whole table is refilled costs a B-tree insert per index per row, in random order;
 * building it afterwards is one sort. For a 20,000-patient rebuild that is about 40% of the time.
 *
 * Only indexes that no projector reads while projecting may be listed: the services read them
 * (search, look-ups, lists), the write path does not, except `patient_search_keys_patient_idx`,
 * which the patient projector reads only when it replaces a patient's keys or re-ranks them after
 * a visit, neither of which happens in a rebuild (every document is new to the emptied tables, and
 * encounters, replayed first in id order, find no patient to re-rank yet). `encounters_patient_idx`
 * is not listed: ranking a patient reads it.
 *
 * Crash-safe: the dropped indexes' SQL is kept in `meta` in the transaction that drops them and
 * removed in the one that creates them again; `restoreRebuildIndexes` puts back any left dropped.
 */
export const INDEXES_BUILT_AFTER_REBUILD: ReadonlyArray<string> = [
  'patient_search_keys_recent_idx',
  'patient_search_keys_patient_idx',
  'patients_id_number_idx',
  'patients_phone_idx',
  'patients_insurance_number_idx',
  'patients_name_idx',
  'patients_merged_into_idx',
  'patient_cards_patient_idx',
  'encounters_date_department_idx',
  'encounters_visit_number_idx',
  'audit_events_at_idx',
  'audit_events_actor_idx',
  'audit_events_chain_idx',
];

export const DROPPED_INDEXES_KEY = 'projections.rebuild_dropped_indexes';

function savedIndexSql(sqlite: Database.Database): string[] {
  const saved = sqlite.prepare<[string], string>('SELECT value FROM meta WHERE key = ?').pluck().get(DROPPED_INDEXES_KEY);
  return saved === undefined ? [] : (JSON.parse(saved) as string[]);
}

/** Drops the listed indexes that exist, remembering their SQL. Call inside the rebuild's first transaction. */
export function dropIndexesForRebuild(sqlite: Database.Database): void {
  const statements = savedIndexSql(sqlite);
  const sqlOf = sqlite.prepare<[string], string>("SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ? AND sql IS NOT NULL").pluck();
  const present = INDEXES_BUILT_AFTER_REBUILD.flatMap((name) => {
    const sql = sqlOf.get(name);
    return sql === undefined ? [] : [{ name, sql }];
  });
  for (const { sql } of present) if (!statements.includes(sql)) statements.push(sql);
  sqlite
    .prepare<[string, string]>('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value')
    .run(DROPPED_INDEXES_KEY, JSON.stringify(statements));
  for (const { name } of present) sqlite.exec(`DROP INDEX "${name.replace(/"/g, '""')}"`);
}

/** Creates again whatever a rebuild dropped (a no-op when nothing is left dropped). */
export function restoreRebuildIndexes(sqlite: Database.Database): void {
  const hasMeta = sqlite.prepare<[], number>("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'meta'").pluck().get() === 1;
  if (!hasMeta) return;
  const statements = savedIndexSql(sqlite);
  if (statements.length === 0) return;
  for (const sql of statements)
    sqlite.exec(sql.replace(/^CREATE (UNIQUE )?INDEX (?!IF NOT EXISTS)/i, (_m, unique: string | undefined) => `CREATE ${unique ?? ''}INDEX IF NOT EXISTS `));
  sqlite.prepare<[string]>('DELETE FROM meta WHERE key = ?').run(DROPPED_INDEXES_KEY);
}
