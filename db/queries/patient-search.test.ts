import { afterEach, describe, expect, it } from 'vitest';
import { dumpProjections, rebuildProjectionsSync } from '../projections/rebuild';
import { makePatient, newEncounterId, openTemporaryDatabase, type TemporaryDatabase } from '../testing/fixtures';
import { patientSearchQueries } from './patient-search';

let db: TemporaryDatabase;
afterEach(() => db?.dispose());

function encounter(patientId: string, visitDate: string, n: number) {
  return {
    _id: newEncounterId(),
    type: 'encounter',
    schema_version: 1,
    clinic_code: 'demo01',
    created_at: `${visitDate}T01:00:00.000Z`,
    created_by: 'r1',
    updated_at: `${visitDate}T01:00:00.000Z`,
    updated_by: 'r1',
    patient_id: patientId,
    department_code: '03',
    visit_type: 'return',
    fee_category: 'self',
    visit_number: `W01-${visitDate.replaceAll('-', '')}-${String(n).padStart(4, '0')}`,
    visit_date: visitDate,
    registered_at: `${visitDate}T01:00:00.000Z`,
    status: 'waiting',
  };
}

const ranksOf = (hits: ReadonlyArray<{ rank: number }>) => hits.map((h) => h.rank);

describe('patient_search_keys', () => {
  it('ranks a patient by the latest visit, and back by the registration day when the visit goes', () => {
    db = openTemporaryDatabase();
    const patient = makePatient(1); // registered 2025-01-01
    db.store.bulkDocs([patient]);
    const keyOf = () =>
      patientSearchQueries(db.orm)
        .searchExact('n', patient.name, 5)
        .find((h) => h.patientId === patient._id)?.rank;
    expect(keyOf()).toBe(20250101);
    const visit = encounter(patient._id, '2026-03-04', 1);
    const [written] = db.store.bulkDocs([visit]);
    expect(keyOf()).toBe(20260304);
    if (!written.ok) throw new Error();
    db.store.bulkDocs([{ _id: visit._id, _rev: written.rev, _deleted: true }]);
    expect(keyOf()).toBe(20250101);
  });

  it('gives the same order whether a prefix is sorted in memory or read from the recency index', () => {
    db = openTemporaryDatabase();
    const patients = Array.from({ length: 400 }, (_, i) => makePatient(i));
    db.store.bulkDocs(patients);
    db.store.bulkDocs(
      patients.filter((_, i) => i % 7 === 0).map((p, i) => encounter(p._id, `2026-0${1 + (i % 9)}-${String(10 + (i % 19)).padStart(2, '0')}`, i + 1)),
    );
    for (const [kind, prefix] of [
      ['n', '王'],
      ['f', 'w'],
      ['i', 'l'],
      ['d', '4301'],
    ] as const) {
      const inMemory = patientSearchQueries(db.orm).searchPrefix(kind, prefix, 15, 100_000);
      const byIndex = patientSearchQueries(db.orm).searchPrefix(kind, prefix, 15, 3);
      expect(inMemory.length, `${kind}:${prefix}`).toBe(15);
      expect(ranksOf(byIndex), `${kind}:${prefix}`).toEqual(ranksOf(inMemory));
      expect(ranksOf(inMemory)).toEqual([...ranksOf(inMemory)].sort((a, b) => b - a));
      for (const hit of byIndex) expect(hit.value.startsWith(prefix) && hit.value !== prefix).toBe(true);
    }
  });

  it('is rebuilt to the same rows, ranks included', () => {
    db = openTemporaryDatabase();
    const patients = Array.from({ length: 60 }, (_, i) => makePatient(i));
    db.store.bulkDocs(patients);
    db.store.bulkDocs(patients.slice(0, 20).map((p, i) => encounter(p._id, `2026-02-${String(1 + i).padStart(2, '0')}`, i + 1)));
    const before = dumpProjections(db);
    expect(before.patient_search_keys.length).toBeGreaterThan(300);
    rebuildProjectionsSync(db);
    expect(dumpProjections(db)).toEqual(before);
  });
});
