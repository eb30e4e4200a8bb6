import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** Projection of `outpatient_note` documents (门诊病历): what the queue, the history and the 门诊日志 list. */
export const outpatientNotes = sqliteTable(
  'outpatient_notes',
  {
    id: text('id').primaryKey(),
    encounterId: text('encounter_id').notNull(),
    patientId: text('patient_id').notNull(),
    departmentCode: text('department_code').notNull(),
    doctorUsername: text('doctor_username').notNull(),
    visitType: text('visit_type').notNull(),
    visitAt: text('visit_at').notNull(),
    onsetDate: text('onset_date'),
    chiefComplaint: text('chief_complaint').notNull(),
    status: text('status').notNull(),
    diagnosisCount: integer('diagnosis_count').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [index('outpatient_notes_encounter_idx').on(t.encounterId), index('outpatient_notes_patient_idx').on(t.patientId, t.visitAt)],
);

/** A note's diagnoses as coded, in order (the 门诊日志 and statistics read them by code). */
export const noteDiagnoses = sqliteTable(
  'note_diagnoses',
  {
    noteId: text('note_id').notNull(),
    seq: integer('seq').notNull(),
    code: text('code').notNull(),
    codeSystem: text('code_system').notNull(),
    version: text('version').notNull(),
    name: text('name').notNull(),
    position: text('position').notNull(),
    certainty: text('certainty').notNull(),
  },
  (t) => [index('note_diagnoses_note_idx').on(t.noteId, t.seq), index('note_diagnoses_code_idx').on(t.code)],
);

/** Projection of `prescription` documents (处方). */
export const prescriptions = sqliteTable(
  'prescriptions',
  {
    id: text('id').primaryKey(),
    encounterId: text('encounter_id').notNull(),
    patientId: text('patient_id').notNull(),
    doctorUsername: text('doctor_username').notNull(),
    kind: text('kind').notNull(),
    status: text('status').notNull(),
    drugNames: text('drug_names').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('prescriptions_encounter_idx').on(t.encounterId), index('prescriptions_patient_idx').on(t.patientId, t.createdAt)],
);

/** Projection of `note_template` documents (常用模板). */
export const noteTemplates = sqliteTable(
  'note_templates',
  {
    id: text('id').primaryKey(),
    scope: text('scope').notNull(),
    ownerUsername: text('owner_username'),
    departmentCode: text('department_code'),
    name: text('name').notNull(),
    retired: integer('retired', { mode: 'boolean' }).notNull(),
  },
  (t) => [index('note_templates_owner_idx').on(t.ownerUsername), index('note_templates_department_idx').on(t.departmentCode)],
);
