import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makePatient, newEncounterId, openTemporaryDatabase, type TemporaryDatabase } from '../../../db/testing/fixtures';
import { bindClinicData } from '../../app/bind-data';
import { placeInDay } from './visit-views';

let db: TemporaryDatabase;
beforeAll(() => {
  db = openTemporaryDatabase();
});
afterAll(() => db.dispose());

const visitArb = fc.record({
  department: fc.constantFrom('03', '07'),
  doctor: fc.constantFrom<string | undefined>('dr.li', 'dr.zhao', undefined),
  visitType: fc.constantFrom('first', 'return', 'emergency'),
  status: fc.constantFrom('waiting', 'waiting', 'completed', 'cancelled'),
  minute: fc.integer({ min: 0, max: 30 }),
});

describe('queue places', () => {
  it('counted in SQLite equal those worked out from the day list', () => {
    const data = bindClinicData(db, db.dir);
    let day = 0;
    fc.assert(
      fc.property(fc.array(visitArb, { minLength: 1, maxLength: 25 }), (visits) => {
        day += 1;
        const date = new Date(Date.UTC(2030, 0, 1) + day * 86_400_000).toISOString().slice(0, 10);
        const patient = makePatient(day);
        const docs = visits.map((v, i) => ({
          _id: newEncounterId(),
          type: 'encounter',
          schema_version: 1,
          clinic_code: 'demo01',
          created_at: `${date}T01:00:00.000Z`,
          created_by: 'r1',
          updated_at: `${date}T01:00:00.000Z`,
          updated_by: 'r1',
          patient_id: patient._id,
          department_code: v.department,
          ...(v.doctor ? { doctor_username: v.doctor } : {}),
          visit_type: v.visitType,
          fee_category: 'self',
          visit_number: `W01-${date.replaceAll('-', '')}-${String(i + 1).padStart(4, '0')}`,
          visit_date: date,
          // Equal times on purpose: ties are broken by id in both.
          registered_at: `${date}T01:${String(v.minute).padStart(2, '0')}:00.000Z`,
          status: v.status,
        }));
        expect(db.store.bulkDocs([patient, ...docs]).every((r) => r.ok)).toBe(true);
        const rows = data.encounters.ofDay(date);
        for (const row of rows) expect(data.encounters.queuePlace(row)).toEqual(placeInDay(row, rows));
      }),
      { numRuns: 60 },
    );
  });
});
