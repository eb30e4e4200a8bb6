import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** Projection of `department` documents (科室). */
export const departments = sqliteTable(
  'departments',
  {
    id: text('id').primaryKey(),
    clinicCode: text('clinic_code').notNull(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    outpatient: integer('outpatient', { mode: 'boolean' }).notNull(),
    active: integer('active', { mode: 'boolean' }).notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  // Not unique: a projection must never refuse a row a replicated document brings.
  (t) => [index('departments_code_idx').on(t.code)],
);
