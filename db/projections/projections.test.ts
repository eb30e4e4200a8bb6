import { afterEach, describe, expect, it } from 'vitest';
import { makePatient, newEncounterId, openTemporaryDatabase, putDocs, STAMP, type TemporaryDatabase } from '../testing/fixtures';

let db: TemporaryDatabase;
afterEach(() => db?.dispose());

const rows = (sql: string, ...params: unknown[]) => db.sqlite.prepare(sql).all(...params);
const base = STAMP;
const put = (doc: Record<string, unknown> & { _id: string }): string => putDocs(db.store, [doc])[0];

describe('projections', () => {
  it('project a patient with its cards, follow edits and deletion', () => {
    db = openTemporaryDatabase();
    const patient = makePatient(1, {
      cards: [
        { kind: 'social_security', number: 'S1' },
        { kind: 'resident_health', number: 'H1' },
      ],
      merged_into: undefined,
    });
    const rev = put(patient);
    expect(rows('SELECT * FROM patients')).toEqual([
      {
        id: patient._id,
        clinic_code: 'demo01',
        name: patient.name,
        sex: patient.sex,
        birth_date: patient.birth_date,
        ethnicity: null,
        id_type: '01',
        id_number: patient.id_number,
        phone: patient.phone,
        division_code: '430121',
        address_detail: patient.address!.detail,
        fee_category: 'resident',
        insurance_number: patient.insurance!.number,
        merged_into: null,
        created_at: patient.created_at,
        updated_at: patient.updated_at,
      },
    ]);
    expect(rows('SELECT kind, number FROM patient_cards ORDER BY kind')).toEqual([
      { kind: 'resident_health', number: 'H1' },
      { kind: 'social_security', number: 'S1' },
    ]);

    const rev2 = put({ ...patient, _rev: rev, phone: undefined, cards: [{ kind: 'clinic', number: 'C9' }], merged_into: 'patient:h' + 'a'.repeat(32) });
    expect(rows('SELECT phone, merged_into FROM patients')).toEqual([{ phone: null, merged_into: 'patient:h' + 'a'.repeat(32) }]);
    expect(rows('SELECT kind, number FROM patient_cards')).toEqual([{ kind: 'clinic', number: 'C9' }]);

    put({ _id: patient._id, _rev: rev2, _deleted: true });
    expect(rows('SELECT * FROM patients')).toEqual([]);
    expect(rows('SELECT * FROM patient_cards')).toEqual([]);
  });

  it('project every document type of shared/docs', () => {
    db = openTemporaryDatabase();
    put({
      _id: 'settings:clinic',
      type: 'clinic_settings',
      ...base,
      name: '城关镇卫生院',
      code: 'demo01',
      patient_id_key: 'ab'.repeat(16),
      fee_categories: [{ code: 'self', name: '自费' }],
    });
    put({ _id: 'department:NK', type: 'department', ...base, code: 'NK', name: '内科', outpatient: true, active: true });
    put({
      _id: 'user:doc1',
      type: 'user',
      ...base,
      username: 'doc1',
      display_name: '张医生',
      roles: ['doctor'],
      department_codes: ['NK'],
      password_hash: 'scrypt$16384$8$1$c2FsdA==$aGFzaA==',
      active: true,
    });
    const encounterId = newEncounterId();
    put({
      _id: encounterId,
      type: 'encounter',
      ...base,
      patient_id: 'patient:h' + 'b'.repeat(32),
      department_code: 'NK',
      visit_type: 'first',
      fee_category: 'self',
      visit_number: 'WS1-20250301-0001',
      visit_date: '2025-03-01',
      registered_at: base.created_at,
      status: 'waiting',
    });
    put({
      _id: 'audit:WS1:0000000001',
      type: 'audit',
      clinic_code: 'demo01',
      schema_version: 1,
      workstation: 'WS1',
      seq: 1,
      at: base.created_at,
      actor: 'doc1',
      action: 'patient.read',
      outcome: 'ok',
      target_ids: [encounterId],
      prev_hash: '0'.repeat(64),
      hash: 'f'.repeat(64),
    });

    expect(rows('SELECT id, name, code, fee_categories FROM clinic_settings')).toEqual([
      { id: 'settings:clinic', name: '城关镇卫生院', code: 'demo01', fee_categories: '[{"code":"self","name":"自费"}]' },
    ]);
    expect(rows('SELECT code, name, outpatient, active FROM departments')).toEqual([{ code: 'NK', name: '内科', outpatient: 1, active: 1 }]);
    expect(rows('SELECT username, roles, active FROM users')).toEqual([{ username: 'doc1', roles: '["doctor"]', active: 1 }]);
    expect(rows('SELECT id, visit_number, status, doctor_username FROM encounters')).toEqual([
      { id: encounterId, visit_number: 'WS1-20250301-0001', status: 'waiting', doctor_username: null },
    ]);
    expect(rows('SELECT workstation, seq, target_ids FROM audit_events')).toEqual([{ workstation: 'WS1', seq: 1, target_ids: JSON.stringify([encounterId]) }]);
  });

  it('move rows when a document changes type, and drop them when its type is unknown', () => {
    db = openTemporaryDatabase();
    const patient = makePatient(1);
    const rev = put(patient);
    put({ ...patient, _rev: rev, type: 'something_else' });
    expect(rows('SELECT id FROM patients')).toEqual([]);
    expect(rows('SELECT id FROM documents WHERE type = ?', 'something_else')).toHaveLength(1);
  });
});
