import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * ICD-10 code lists (REGULATIONS.md CD-01, CD-08). Local tables, not projections: the starter list
 * ships with the program and an administrator imports official lists. Each import is a new version;
 * no code row is ever changed or deleted, so a diagnosis written against an older version stays
 * resolvable by the code, code system and version it stored.
 */
export const icdVersions = sqliteTable(
  'icd_versions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** `yb2` 医保版2.0 / `gl2` 国家临床版2.0 (shared/codes/icd.ts). */
    codeSystem: text('code_system').notNull(),
    /** The version as the list names it (e.g. `2.0`, `2.0-2022修订`). */
    version: text('version').notNull(),
    title: text('title').notNull(),
    /** Where the list came from: the starter file's provenance or the imported file's name. */
    source: text('source').notNull(),
    importedAt: text('imported_at').notNull(),
    importedBy: text('imported_by').notNull(),
    codeCount: integer('code_count').notNull(),
    /** The version searched for new diagnoses; older versions of the same system only resolve codes. */
    current: integer('current', { mode: 'boolean' }).notNull(),
  },
  (t) => [index('icd_versions_system_idx').on(t.codeSystem, t.current)],
);

export const icdCodes = sqliteTable(
  'icd_codes',
  {
    versionId: integer('version_id').notNull(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    /** Pinyin initials of the name, computed at import (shared/codes/search-initials.ts). */
    initials: text('initials').notNull(),
  },
  (t) => [primaryKey({ columns: [t.versionId, t.code] }), index('icd_codes_code_idx').on(t.code, t.versionId)],
);

/** 国家临床版 2.0 → 医保版 2.0 (shared/data/icd10_gl2_to_yb2.csv): the settlement mapping of CD-08. */
export const icdCrosswalk = sqliteTable('icd_crosswalk', {
  glCode: text('gl_code').primaryKey(),
  ybCode: text('yb_code').notNull(),
});
