import { index, integer, real, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** Projection of `drug` documents (本院药品目录), searched by name and pinyin initials while prescribing. */
export const drugs = sqliteTable(
  'drugs',
  {
    id: text('id').primaryKey(),
    code: text('code').notNull(),
    genericName: text('generic_name').notNull(),
    initials: text('initials').notNull(),
    form: text('form').notNull(),
    strengthValue: real('strength_value').notNull(),
    strengthUnit: text('strength_unit').notNull(),
    unit: text('unit').notNull(),
    packageSize: integer('package_size').notNull(),
    packageUnit: text('package_unit').notNull(),
    drugClass: text('drug_class'),
    defaultDose: real('default_dose'),
    defaultDoseUnit: text('default_dose_unit'),
    defaultRoute: text('default_route'),
    defaultFrequency: text('default_frequency'),
    antibioticGrade: text('antibiotic_grade'),
    essential: integer('essential', { mode: 'boolean' }).notNull(),
    active: integer('active', { mode: 'boolean' }).notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  // Not unique: a projection must never refuse a row a replicated document brings.
  (t) => [index('drugs_initials_idx').on(t.initials), index('drugs_code_idx').on(t.code)],
);
