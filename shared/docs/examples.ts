/**
 * One valid document of each type's current version. The registry's property test
 * (registry.property.test.ts) varies them; README.md shows what adding a type asks for.
 */

/** The version and who-wrote-it fields of every example (and of the documents tests write). */
export const EXAMPLE_STAMP = {
  schema_version: 1,
  clinic_code: 'demo01',
  created_at: '2025-03-01T08:00:00.000Z',
  created_by: 'admin',
  updated_at: '2025-03-01T08:00:00.000Z',
  updated_by: 'admin',
} as const;

export const EXAMPLE_CLINIC_SETTINGS = {
  _id: 'settings:clinic',
  type: 'clinic_settings',
  ...EXAMPLE_STAMP,
  name: '城关镇卫生院',
  code: 'demo01',
  patient_id_key: 'ab'.repeat(16),
  fee_categories: [{ code: 'self', name: '自费' }],
};

export const EXAMPLE_DEPARTMENT = { _id: 'department:NK', type: 'department', ...EXAMPLE_STAMP, code: 'NK', name: '内科', outpatient: true, active: true };

export const EXAMPLE_USER = {
  _id: 'user:li.ming',
  type: 'user',
  ...EXAMPLE_STAMP,
  username: 'li.ming',
  display_name: '李明',
  roles: ['doctor'],
  department_codes: ['NK'],
  password_hash: 'scrypt$16384$8$1$c2FsdA==$aGFzaA==',
  active: true,
};

export const EXAMPLE_PATIENT = {
  _id: `patient:h${'0123456789abcdef'.repeat(2)}`,
  type: 'patient',
  ...EXAMPLE_STAMP,
  name: '王芳',
  sex: '2',
  birth_date: '1980-05-06',
  cards: [{ kind: 'social_security', number: 'S000000000001' }],
  allergies: [{ substance: '青霉素' }],
};

/** The current version: with the occupation the 门诊日志 lists. */
export const EXAMPLE_PATIENT_V2 = { ...EXAMPLE_PATIENT, schema_version: 2, occupation: '农民' };

export const EXAMPLE_ENCOUNTER = {
  _id: 'encounter:01JQ0000000000000000000001',
  type: 'encounter',
  ...EXAMPLE_STAMP,
  patient_id: EXAMPLE_PATIENT._id,
  department_code: 'NK',
  visit_type: 'first',
  fee_category: 'self',
  visit_number: 'W01-20250301-0001',
  visit_date: '2025-03-01',
  registered_at: '2025-03-01T08:00:00.000Z',
  status: 'waiting',
};

export const EXAMPLE_AUDIT_EVENT = {
  _id: 'audit:W01:0000000001',
  type: 'audit',
  schema_version: 1,
  clinic_code: 'demo01',
  workstation: 'W01',
  seq: 1,
  at: '2025-03-01T08:00:00.000Z',
  actor: 'admin',
  action: 'patients.get',
  outcome: 'ok',
  target_ids: [EXAMPLE_PATIENT._id],
  prev_hash: '0'.repeat(64),
  hash: 'f'.repeat(64),
};

export const EXAMPLE_REFERENCE_DICTIONARY = {
  _id: 'reference_dictionary:fee_category',
  type: 'reference_dictionary',
  name: 'fee_category',
  version: '2025.1',
  title: '费别',
  published_at: '2025-01-01T00:00:00.000Z',
  entries: [{ code: 'self', label: '自费' }],
};

export const EXAMPLE_DRAFT = {
  _id: '_local/draft/li.ming/note:encounter:01JQ0000000000000000000001',
  type: 'draft',
  schema_version: 1,
  owner: 'li.ming',
  key: 'note:encounter:01JQ0000000000000000000001',
  saved_at: '2025-03-01T08:05:00.000Z',
  content: { complaint: '咳嗽三天' },
};

export const EXAMPLE_OUTPATIENT_NOTE = {
  _id: 'outpatient_note:01JQ0000000000000000000002',
  type: 'outpatient_note',
  ...EXAMPLE_STAMP,
  encounter_id: EXAMPLE_ENCOUNTER._id,
  patient_id: EXAMPLE_PATIENT._id,
  department_code: 'NK',
  doctor_username: 'li.ming',
  visit_type: 'return',
  visit_at: '2025-03-01T08:10:00.000Z',
  chief_complaint: '头晕 3 天',
  present_illness: '高血压病史 5 年，规律服药。',
  past_history: '',
  allergy_history: '青霉素过敏',
  personal_history: '',
  physical_exam: '神清，心肺未见异常。',
  auxiliary_exams: '',
  plan: '继续服药，两周后复诊。',
  vitals: { temperature: 36.6, bp_systolic: 152, bp_diastolic: 94, height_cm: 165, weight_kg: 70 },
  diagnoses: [{ code: 'I10.x00', code_system: 'yb2', version: '2.0', name: '高血压', position: 'primary', certainty: 'confirmed' }],
  copy_marks: [],
  status: 'draft',
};

export const EXAMPLE_PRESCRIPTION = {
  _id: 'prescription:01JQ0000000000000000000003',
  type: 'prescription',
  ...EXAMPLE_STAMP,
  encounter_id: EXAMPLE_ENCOUNTER._id,
  patient_id: EXAMPLE_PATIENT._id,
  department_code: 'NK',
  doctor_username: 'li.ming',
  kind: 'ordinary',
  items: [
    {
      drug_name: '硝苯地平缓释片',
      strength: '10mg×30片',
      dose: 10,
      dose_unit: 'mg',
      route: '口服',
      frequency: 'bid',
      days: 7,
      quantity: 1,
      quantity_unit: '盒',
    },
  ],
  warnings_answered: [],
  status: 'draft',
};

export const EXAMPLE_NOTE_TEMPLATE_V1 = {
  _id: 'note_template:01JQ0000000000000000000004',
  type: 'note_template',
  ...EXAMPLE_STAMP,
  scope: 'personal',
  owner_username: 'li.ming',
  name: '高血压复诊',
  fields: { chief_complaint: '血压复查', plan: '继续原方案，低盐饮食。' },
  phrases: ['心肺未见异常'],
  retired: false,
};

export const EXAMPLE_NOTE_TEMPLATE = {
  ...EXAMPLE_NOTE_TEMPLATE_V1,
  schema_version: 2,
  phrases: [
    { section: 'physical_exam', text: '心肺未见异常' },
    { section: null, text: '嘱低盐饮食' },
  ],
};

const SM2_PUBLIC_KEY = `04${'1a'.repeat(64)}`;

export const EXAMPLE_SIGNING_KEY = {
  _id: 'signing_key:li.ming:01JQ0000000000000000000010',
  type: 'signing_key',
  ...EXAMPLE_STAMP,
  created_by: 'li.ming',
  updated_by: 'li.ming',
  username: 'li.ming',
  display_name: '李明',
  workstation: 'W01',
  algorithm: 'SM2',
  public_key: SM2_PUBLIC_KEY,
  status: 'active',
};

export const EXAMPLE_SIGNATURE = {
  _id: 'signature:01JQ0000000000000000000011',
  type: 'signature',
  ...EXAMPLE_STAMP,
  created_by: 'li.ming',
  updated_by: 'li.ming',
  purpose: 'sign',
  target_id: EXAMPLE_ENCOUNTER._id,
  target_type: 'encounter',
  target_rev: `2-${'0'.repeat(32)}`,
  patient_id: EXAMPLE_PATIENT._id,
  covers: 'body-v1',
  body_sm3: 'ab'.repeat(32),
  signer: { username: 'li.ming', display_name: '李明', roles: ['doctor'], practice: 'licensed' },
  key_id: EXAMPLE_SIGNING_KEY._id,
  signed_at: '2025-03-01T08:10:00.000Z',
  clock: { source: 'local', checked_at: null, offset_ms: null },
  signature: 'cd'.repeat(64),
};

export const EXAMPLE_SIGNATURE_TIMESTAMP = {
  _id: 'signature_timestamp:01JQ0000000000000000000011',
  type: 'signature_timestamp',
  ...EXAMPLE_STAMP,
  created_by: 'county',
  updated_by: 'county',
  signature_id: EXAMPLE_SIGNATURE._id,
  stamped_at: '2025-03-02T01:00:00.000Z',
  authority: '县级平台',
};

export const EXAMPLE_AMENDMENT = {
  _id: 'amendment:01JQ0000000000000000000012',
  type: 'amendment',
  ...EXAMPLE_STAMP,
  created_by: 'li.ming',
  updated_by: 'li.ming',
  target_id: EXAMPLE_ENCOUNTER._id,
  target_type: 'encounter',
  patient_id: EXAMPLE_PATIENT._id,
  previous_id: EXAMPLE_ENCOUNTER._id,
  sequence: 1,
  reason: '血压记录笔误',
  content: { complaint: '头晕三天' },
  author: { username: 'li.ming', display_name: '李明' },
};

export const EXAMPLE_ARCHIVE_CASE = {
  _id: 'archive_case:demo01-2025-W01-00001',
  type: 'archive_case',
  ...EXAMPLE_STAMP,
  created_by: 'bai.lan',
  updated_by: 'bai.lan',
  caseNumber: 'demo01-2025-W01-00001',
  kind: 'visit',
  patientId: EXAMPLE_PATIENT._id,
  encounterId: EXAMPLE_ENCOUNTER._id,
  departmentCode: 'NK',
  doctorUsername: 'li.ming',
  visitDate: '2025-03-01',
  diagnosisCodes: ['I10.x00'],
  documents: [
    { id: EXAMPLE_ENCOUNTER._id, rev: `3-${'a'.repeat(32)}` },
    { id: EXAMPLE_OUTPATIENT_NOTE._id, rev: `2-${'b'.repeat(32)}` },
    { id: EXAMPLE_SIGNATURE._id, rev: `1-${'c'.repeat(32)}` },
  ],
  qcGrade: '甲',
  qcReviewId: 'qc_review:01JQ0000000000000000000020',
  archivedAt: '2025-03-02T09:00:00.000Z',
  archivedBy: 'bai.lan',
  workstationId: 'W01',
};

export const EXAMPLE_QC_REVIEW = {
  _id: 'qc_review:01JQ0000000000000000000020',
  type: 'qc_review',
  ...EXAMPLE_STAMP,
  encounter_id: EXAMPLE_ENCOUNTER._id,
  patient_id: EXAMPLE_PATIENT._id,
  note_id: EXAMPLE_OUTPATIENT_NOTE._id,
  reviewer: 'bai.lan',
  reviewed_at: '2025-03-02T08:30:00.000Z',
  pass: 1,
  grade: '乙',
  defects: [{ code: 'missing_past_history', remark: '初诊未写既往史' }],
  remark: '',
  failed_checks: ['sections'],
  send_back: true,
};

export const EXAMPLE_QC_TASK = {
  _id: 'qc_task:01JQ0000000000000000000021',
  type: 'qc_task',
  ...EXAMPLE_STAMP,
  encounter_id: EXAMPLE_ENCOUNTER._id,
  patient_id: EXAMPLE_PATIENT._id,
  note_id: EXAMPLE_OUTPATIENT_NOTE._id,
  review_id: EXAMPLE_QC_REVIEW._id,
  doctor_username: 'li.ming',
  defects: EXAMPLE_QC_REVIEW.defects,
  remark: '',
  status: 'open',
  answered_at: null,
  amendment_id: null,
  answer: '',
};

export const EXAMPLE_ARCHIVE_CHANGE = {
  _id: 'archive_change:01JQ0000000000000000000022',
  type: 'archive_change',
  ...EXAMPLE_STAMP,
  case_id: EXAMPLE_ARCHIVE_CASE._id,
  case_number: EXAMPLE_ARCHIVE_CASE.caseNumber,
  reason: '化验报告归档后才送到',
  add_documents: [{ id: EXAMPLE_AMENDMENT._id, rev: `1-${'d'.repeat(32)}` }],
  requested_by: 'bai.lan',
  requested_at: '2025-03-05T08:00:00.000Z',
  status: 'requested',
  decided_by: null,
  decided_at: null,
  decision_note: '',
};
