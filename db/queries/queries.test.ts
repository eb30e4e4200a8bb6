import { afterEach, describe, expect, it } from 'vitest';
import { CLINIC_SETTINGS_ID } from '../../shared/docs';
import { makePatient, newEncounterId, openTemporaryDatabase, putDocs, STAMP, type TemporaryDatabase } from '../testing/fixtures';
import { clinicQueries, META_KEYS } from '.';

let db: TemporaryDatabase;
let q: ReturnType<typeof clinicQueries>;
afterEach(() => db?.dispose());

const base = STAMP;
const putAll = (docs: Array<Record<string, unknown> & { _id: string }>): void => void putDocs(db.store, docs);

describe('queries', () => {
  it('users, departments, clinic settings', () => {
    db = openTemporaryDatabase();
    q = clinicQueries(db.orm);
    expect(q.settings.get()).toBeUndefined();
    expect(q.users.count()).toBe(0);
    const user = (username: string, active: boolean) => ({
      _id: `user:${username}`,
      type: 'user',
      ...base,
      username,
      display_name: username,
      roles: ['registrar'],
      department_codes: [],
      password_hash: 'scrypt$16384$8$1$c2FsdA==$aGFzaA==',
      active,
    });
    const department = (code: string, outpatient: boolean, active: boolean) => ({
      _id: `department:${code}`,
      type: 'department',
      ...base,
      code,
      name: code,
      outpatient,
      active,
    });
    putAll([
      {
        _id: CLINIC_SETTINGS_ID,
        type: 'clinic_settings',
        ...base,
        name: '城关镇卫生院',
        code: 'demo01',
        patient_id_key: 'ab'.repeat(16),
        fee_categories: [{ code: 'self', name: '自费' }],
      },
      user('zhang', true),
      user('admin', true),
      user('old', false),
      department('WK', true, true),
      department('NK', true, true),
      department('YF', false, true),
      department('ZY', true, false),
    ]);
    expect(q.settings.get()).toMatchObject({ name: '城关镇卫生院', feeCategories: [{ code: 'self', name: '自费' }] });
    expect(q.users.byUsername('zhang')).toMatchObject({ id: 'user:zhang', roles: ['registrar'], active: true });
    expect(q.users.byUsername('nobody')).toBeUndefined();
    expect(q.users.list().map((u) => u.username)).toEqual(['admin', 'old', 'zhang']);
    // Lists carry what screens show, never the password hash.
    expect(q.users.list()[0]).toEqual({ username: 'admin', displayName: 'admin', roles: ['registrar'], departmentCodes: [], active: true });
    expect(q.users.list({ activeOnly: true }).map((u) => u.username)).toEqual(['admin', 'zhang']);
    expect(q.users.count()).toBe(3);
    expect(q.departments.list().map((d) => d.code)).toEqual(['NK', 'WK', 'YF', 'ZY']);
    expect(q.departments.list()[0]).toEqual({ code: 'NK', name: 'NK', outpatient: true, active: true });
    expect(q.departments.list({ outpatientOnly: true }).map((d) => d.code)).toEqual(['NK', 'WK']);
    expect(q.departments.list({ activeOnly: true }).map((d) => d.code)).toEqual(['NK', 'WK', 'YF']);
  });

  it('patients and encounters', () => {
    db = openTemporaryDatabase();
    q = clinicQueries(db.orm);
    const [a, b] = [makePatient(1), makePatient(2, { phone: '13800000001', merged_into: 'patient:h' + 'c'.repeat(32) })];
    putAll([a, b]);
    expect(q.patients.count()).toBe(1);
    expect(q.patients.count({ includeMerged: true })).toBe(2);
    expect(q.patients.byId(a._id)).toMatchObject({ name: a.name, idNumber: a.id_number, insuranceNumber: a.insurance!.number });
    expect(q.patients.byId('patient:missing')).toBeUndefined();
    expect(q.patients.byIdNumber(a.id_number!).map((p) => p.id)).toEqual([a._id]);
    expect(
      q.patients
        .byPhone('13800000001')
        .map((p) => p.id)
        .sort(),
    ).toEqual([a._id, b._id].sort());
    expect(q.patients.byCard('social_security', a.cards[0].number).map((p) => p.id)).toEqual([a._id]);

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
    expect(q.encounters.count()).toBe(3);
    expect(q.encounters.count({ visitDate: '2025-03-01' })).toBe(2);
    expect(q.encounters.count({ visitDate: '2025-03-01', departmentCode: 'NK' })).toBe(1);
    expect(q.encounters.ofDay('2025-03-01').map((e) => e.departmentCode)).toEqual(['WK', 'NK']);
  });

  it('meta, counters, audit chain head, conflicts and rejected documents', () => {
    db = openTemporaryDatabase();
    q = clinicQueries(db.orm);
    expect(q.meta.get(META_KEYS.workstationId)).toBeNull();
    q.meta.set(META_KEYS.workstationId, 'WS1');
    q.meta.set(META_KEYS.workstationId, 'WS2');
    expect(q.meta.get(META_KEYS.workstationId)).toBe('WS2');

    expect(q.counters.current('visit:20250301')).toBe(0);
    expect([1, 2, 3].map(() => q.counters.next('visit:20250301'))).toEqual([1, 2, 3]);
    expect(q.counters.next('visit:20250302')).toBe(1);
    expect(q.counters.current('visit:20250301')).toBe(3);

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
    expect(q.auditEvents.lastOf('WS1')).toMatchObject({ seq: 10, hash: '0'.repeat(64) });
    expect(q.auditEvents.lastOf('WS3')).toBeUndefined();

    const patient = makePatient(9);
    putAll([patient]);
    db.store.bulkDocs(
      [
        { ...patient, name: '冲突', _rev: `1-${'0'.repeat(32)}` },
        { ...makePatient(10), sex: 'Z', _rev: '1-abc' },
      ],
      { newEdits: false },
    );
    expect(q.documents.conflicted()).toEqual([{ id: patient._id, type: 'patient', winningRev: expect.any(String), conflictCount: 1 }]);
    expect(q.documents.conflicted({ type: 'encounter' })).toEqual([]);
    expect(q.documents.rejectedProjections()).toEqual([expect.objectContaining({ rev: '1-abc', type: 'patient' })]);
  });
});
