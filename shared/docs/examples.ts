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
