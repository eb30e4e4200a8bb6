import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** Projection of `encounter` documents (就诊 / 挂号). */
export const encounters = sqliteTable(
  'encounters',
  {
    id: text('id').primaryKey(),
    clinicCode: text('clinic_code').notNull(),
    patientId: text('patient_id').notNull(),
    departmentCode: text('department_code').notNull(),
    doctorUsername: text('doctor_username'),
    visitType: text('visit_type').notNull(),
    feeCategory: text('fee_category').notNull(),
    visitNumber: text('visit_number').notNull(),
    visitDate: text('visit_date').notNull(),
    registeredAt: text('registered_at').notNull(),
    status: text('status').notNull(),
    cancelReason: text('cancel_reason'),
    calledAt: text('called_at'),
    callCount: integer('call_count'),
    passedAt: text('passed_at'),
    completedAt: text('completed_at'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    index('encounters_patient_idx').on(t.patientId, t.visitDate),
    index('encounters_date_department_idx').on(t.visitDate, t.departmentCode),
    index('encounters_visit_number_idx').on(t.visitNumber),
  ],
);
