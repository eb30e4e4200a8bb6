import { afterEach, describe, expect, it } from 'vitest';
import { CLINIC_SETTINGS_ID } from '../../shared/docs';
import { makePatient, newEncounterId, openTemporaryDatabase, type TemporaryDatabase } from '../testing/fixtures';
import {
  countEncounters,
  countPatients,
  countUsers,
  currentCounterValue,
  findPatientById,
  findPatientsByCard,
  findPatientsByIdNumber,
  findPatientsByPhone,
  findUserByUsername,
  getClinicSettingsRow,
  getMeta,
  lastAuditEvent,
  listConflictedDocuments,
  listDepartments,
  listEncountersByDate,
  listRejectedProjections,
  listUsers,
  META_KEYS,
  nextCounterValue,
  setMeta,
} from '.';

let db: TemporaryDatabase;
afterEach(() => db?.dispose());

const base = { schema_version: 1, clinic_code: 'demo01', created_at: '2025-03-01T08:00:00.000Z', created_by: 'admin', updated_at: '2025-03-01T08:00:00.000Z', updated_by: 'admin' } as const;

function putAll(docs: Array<Record<string, unknown> & { _id: string }>): void {
  for (const result of db.store.bulkDocs(docs)) if (!result.ok) throw new Error(JSON.stringify(result));
}

describe('queries', () => {
  it('users, departments, clinic settings', () => {
    db = openTemporaryDatabase();
    expect(getClinicSettingsRow(db.orm)).toBeUndefined();
    expect(countUsers(db.orm)).toBe(0);
    const user = (username: string, active: boolean) => ({ _id: `user:${username}`, type: 'user', ...base, username, display_name: username, roles: ['registrar'], department_codes: [], password_hash: 'scrypt$16384$8$1$c2FsdA==$aGFzaA==', active });
    const department = (code: string, outpatient: boolean, active: boolean) => ({ _id: `department:${code}`, type: 'department', ...base, code, name: code, outpatient, active });
    putAll([
      { _id: CLINIC_SETTINGS_ID, type: 'clinic_settings', ...base, name: '城关镇卫生院', code: 'demo01', patient_id_key: 'ab'.repeat(16), fee_categories: [{ code: 'self', name: '自费' }] },
      user('zhang', true),
      user('admin', true),
      user('old', false),
      department('WK', true, true),
      department('NK', true, true),
      department('YF', false, true),
      department('ZY', true, false),
    ]);
    expect(getClinicSettingsRow(db.orm)).toMatchObject({ name: '城关镇卫生院', feeCategories: [{ code: 'self', name: '自费' }] });
    expect(findUserByUsername(db.orm, 'zhang')).toMatchObject({ id: 'user:zhang', roles: ['registrar'], active: true });
    expect(findUserByUsername(db.orm, 'nobody')).toBeUndefined();
    expect(listUsers(db.orm).map((u) => u.username)).toEqual(['admin', 'old', 'zhang']);
    expect(listUsers(db.orm, { activeOnly: true }).map((u) => u.username)).toEqual(['admin', 'zhang']);
    expect(countUsers(db.orm)).toBe(3);
    expect(listDepartments(db.orm).map((d) => d.code)).toEqual(['NK', 'WK', 'YF', 'ZY']);
    expect(listDepartments(db.orm, { outpatientOnly: true }).map((d) => d.code)).toEqual(['NK', 'WK']);
    expect(listDepartments(db.orm, { activeOnly: true }).map((d) => d.code)).toEqual(['NK', 'WK', 'YF']);
  });

  it('patients and encounters', () => {
    db = openTemporaryDatabase();
    const [a, b] = [makePatient(1), makePatient(2, { phone: '13800000001', merged_into: 'patient:h' + 'c'.repeat(32) })];
    putAll([a, b]);
    expect(countPatients(db.orm)).toBe(1);
    expect(countPatients(db.orm, { includeMerged: true })).toBe(2);
    expect(findPatientById(db.orm, a._id)).toMatchObject({ name: a.name, idNumber: a.id_number, insuranceNumber: a.insurance!.number });
    expect(findPatientById(db.orm, 'patient:missing')).toBeUndefined();
    expect(findPatientsByIdNumber(db.orm, a.id_number!).map((p) => p.id)).toEqual([a._id]);
    expect(findPatientsByPhone(db.orm, '13800000001').map((p) => p.id).sort()).toEqual([a._id, b._id].sort());
    expect(findPatientsByCard(db.orm, 'social_security', a.cards[0].number).map((p) => p.id)).toEqual([a._id]);

    const encounter = (patientId: string, departmentCode: string, visitDate: string, n: number) => ({
      _id: newEncounterId(),
      type: 'encounter',
      ...base,
      patient_id: patientId,
      department_code: departmentCode,
      visit_type: 'first',
      fee_category: 'self',
      visit_number: `WS1-${visitDate.replace(/-/g, '')}-${String(n).padStart(4, '0')}`,
      visit_date: visitDate,
      registered_at: `${visitDate}T0${n}:00:00.000Z`,
      status: 'waiting',
    });
    putAll([encounter(a._id, 'NK', '2025-03-01', 2), encounter(a._id, 'WK', '2025-03-01', 1), encounter(b._id, 'NK', '2025-03-02', 3)]);
    expect(countEncounters(db.orm)).toBe(3);
    expect(countEncounters(db.orm, { visitDate: '2025-03-01' })).toBe(2);
    expect(countEncounters(db.orm, { visitDate: '2025-03-01', departmentCode: 'NK' })).toBe(1);
    expect(listEncountersByDate(db.orm, '2025-03-01').map((e) => e.departmentCode)).toEqual(['WK', 'NK']);
  });

  it('meta, counters, audit chain head, conflicts and rejected documents', () => {
    db = openTemporaryDatabase();
    expect(getMeta(db.orm, META_KEYS.workstationId)).toBeNull();
    setMeta(db.orm, META_KEYS.workstationId, 'WS1');
    setMeta(db.orm, META_KEYS.workstationId, 'WS2');
    expect(getMeta(db.orm, META_KEYS.workstationId)).toBe('WS2');

    expect(currentCounterValue(db.orm, 'visit:20250301')).toBe(0);
    expect([1, 2, 3].map(() => nextCounterValue(db.orm, 'visit:20250301'))).toEqual([1, 2, 3]);
    expect(nextCounterValue(db.orm, 'visit:20250302')).toBe(1);
    expect(currentCounterValue(db.orm, 'visit:20250301')).toBe(3);

    const audit = (workstation: string, seq: number) => ({
      _id: `audit:${workstation}:${String(seq).padStart(10, '0')}`,
      type: 'audit',
      schema_version: 1,
      clinic_code: 'demo01',
      workstation,
      seq,
      at: base.created_at,
      actor: 'admin',
      action: 'login',
      outcome: 'ok',
      target_ids: [],
      prev_hash: '0'.repeat(64),
      hash: String(seq % 10).repeat(64),
    });
    putAll([audit('WS1', 1), audit('WS1', 2), audit('WS1', 10), audit('WS2', 5)]);
    expect(lastAuditEvent(db.orm, 'WS1')).toMatchObject({ seq: 10, hash: '0'.repeat(64) });
    expect(lastAuditEvent(db.orm, 'WS3')).toBeUndefined();

    const patient = makePatient(9);
    putAll([patient]);
    db.store.bulkDocs([{ ...patient, name: '冲突', _rev: `1-${'0'.repeat(32)}` }, { ...makePatient(10), sex: 'Z', _rev: '1-abc' }], { newEdits: false });
    expect(listConflictedDocuments(db.orm)).toEqual([{ id: patient._id, type: 'patient', winningRev: expect.any(String), conflictCount: 1 }]);
    expect(listConflictedDocuments(db.orm, { type: 'encounter' })).toEqual([]);
    expect(listRejectedProjections(db.orm)).toEqual([expect.objectContaining({ rev: '1-abc', type: 'patient' })]);
  });
});
