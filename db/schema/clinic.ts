import { sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** Projection of the `clinic_settings` document (one row per clinic database). */
export const clinicSettings = sqliteTable('clinic_settings', {
  id: text('id').primaryKey(),
  clinicCode: text('clinic_code').notNull(),
  name: text('name').notNull(),
  code: text('code').notNull(),
  divisionCode: text('division_code'),
  patientIdKey: text('patient_id_key').notNull(),
  feeCategories: text('fee_categories', { mode: 'json' }).notNull().$type<Array<{ code: string; name: string }>>(),
  updatedAt: text('updated_at').notNull(),
});
