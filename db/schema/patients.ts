import { sql } from 'drizzle-orm';
import { index, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** Projection of `patient` documents (患者主索引). Lookups at the front desk go through here. */
export const patients = sqliteTable(
  'patients',
  {
    id: text('id').primaryKey(),
    clinicCode: text('clinic_code').notNull(),
    name: text('name').notNull(),
    sex: text('sex').notNull(),
    birthDate: text('birth_date').notNull(),
    ethnicity: text('ethnicity'),
    idType: text('id_type'),
    idNumber: text('id_number'),
    phone: text('phone'),
    divisionCode: text('division_code'),
    addressDetail: text('address_detail'),
    feeCategory: text('fee_category'),
    insuranceNumber: text('insurance_number'),
    /** Set on a record absorbed by a merge: the surviving patient's id. */
    mergedInto: text('merged_into'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    // Partial indexes: most lookups are for a value that is present, and many patients lack one.
    index('patients_id_number_idx')
      .on(t.idNumber)
      .where(sql`${t.idNumber} is not null`),
    index('patients_phone_idx')
      .on(t.phone)
      .where(sql`${t.phone} is not null`),
    index('patients_insurance_number_idx')
      .on(t.insuranceNumber)
      .where(sql`${t.insuranceNumber} is not null`),
    index('patients_name_idx').on(t.name, t.birthDate),
    index('patients_merged_into_idx')
      .on(t.mergedInto)
      .where(sql`${t.mergedInto} is not null`),
  ],
);

/** Cards a patient presented (social-security, resident health card, …), for lookup by card number. */
export const patientCards = sqliteTable(
  'patient_cards',
  {
    kind: text('kind').notNull(),
    number: text('number').notNull(),
    patientId: text('patient_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.kind, t.number, t.patientId] }), index('patient_cards_patient_idx').on(t.patientId)],
);
