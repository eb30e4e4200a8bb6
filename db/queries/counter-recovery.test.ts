import { afterEach, describe, expect, it } from 'vitest';
import { CLINIC_CODE, makePatient, newEncounterId, openTemporaryDatabase, type TemporaryDatabase } from '../testing/fixtures';
import { deriveCountersFromRecord } from './counter-recovery';
import { counterQueries } from './counters';

let db: TemporaryDatabase;
afterEach(() => db?.dispose());

const AT = '2025-03-01T08:00:00.000Z';

function encounter(patientId: string, visitNumber: string) {
  return {
    _id: newEncounterId(),
    type: 'encounter',
    schema_version: 1,
    clinic_code: CLINIC_CODE,
    created_at: AT,
    created_by: 'r1',
    updated_at: AT,
    updated_by: 'r1',
    patient_id: patientId,
    department_code: '03',
    visit_type: 'first',
    fee_category: 'self',
    visit_number: visitNumber,
    visit_date: `${visitNumber.slice(4, 8)}-${visitNumber.slice(8, 10)}-${visitNumber.slice(10, 12)}`,
    registered_at: AT,
    status: 'waiting',
  };
}

function audit(workstation: string, seq: number) {
  return {
    _id: `audit:${workstation}:${String(seq).padStart(10, '0')}`,
    type: 'audit',
    schema_version: 1,
    clinic_code: CLINIC_CODE,
    workstation,
    seq,
    at: AT,
    actor: 'admin',
    action: 'auth.login',
    outcome: 'ok',
    target_ids: [],
    prev_hash: '0'.repeat(64),
    hash: 'a'.repeat(64),
  };
}

describe('deriveCountersFromRecord', () => {
  it('raises visit and audit counters to the highest numbers on file, never lowers one', () => {
    db = openTemporaryDatabase();
    const patient = makePatient(1);
    db.store.bulkDocs([patient]);
    const numbers = ['W01-20250301-0001', 'W01-20250301-0007', 'W01-20250301-0003', 'W02-20250301-0002', 'W01-20250302-0004'];
    const results = db.store.bulkDocs([...numbers.map((n) => encounter(patient._id, n)), audit('W01', 1), audit('W01', 2), audit('W01', 3), audit('W02', 1)]);
    expect(results.every((r) => r.ok)).toBe(true);
    // A counter already past what is on file stays where it is.
    for (let i = 0; i < 9; i += 1) counterQueries(db.orm).next('visit:W02:20250301');

    const recovery = deriveCountersFromRecord(db.orm);
    expect(recovery.raised).toEqual({ 'visit:W01:20250301': 7, 'visit:W01:20250302': 4, 'audit:W01': 3, 'audit:W02': 1 });
    expect(recovery).toMatchObject({ visitCounters: 3, auditCounters: 2 });
    expect(counterQueries(db.orm).current('visit:W02:20250301')).toBe(9);

    // The next numbers continue after the recovered ones.
    expect(counterQueries(db.orm).next('visit:W01:20250301')).toBe(8);
    expect(counterQueries(db.orm).next('audit:W01')).toBe(4);
    expect(deriveCountersFromRecord(db.orm).raised).toEqual({});
  });
});
