import { afterEach, describe, expect, it } from 'vitest';
import { and, count, eq } from 'drizzle-orm';
import { EXAMPLE_ARCHIVE_CASE, EXAMPLE_ENCOUNTER } from '../../shared/docs/examples';
import { archiveCaseId } from '../../shared/docs/ids';
import { archiveCases, caseSeals } from '../schema';
import { makePatient, newEncounterId, openTemporaryDatabase, putDocs, STAMP, type TemporaryDatabase } from '../testing/fixtures';
import { isCaseSealed, sealedCaseFilter } from './archive-visibility';

let db: TemporaryDatabase;
afterEach(() => db?.dispose());

const caseOf = (caseNumber: string, patientId: string, visitDate: string) => ({
  ...EXAMPLE_ARCHIVE_CASE,
  _id: archiveCaseId(caseNumber),
  caseNumber,
  patientId,
  visitDate,
});
const visit = (patientId: string, visitDate: string, status = 'completed') => ({
  ...EXAMPLE_ENCOUNTER,
  ...STAMP,
  _id: newEncounterId(),
  patient_id: patientId,
  visit_date: visitDate,
  status,
});

describe('archived cases: retention and sealing', () => {
  it('keeps a case 15 years after the patient’s last visit, moved on by every new visit but not by a cancelled one', () => {
    db = openTemporaryDatabase();
    const patient = makePatient(1);
    putDocs(db.store, [patient, visit(patient._id, '2025-03-01'), caseOf('demo01-2025-W01-00001', patient._id, '2025-03-01')]);
    const retention = () => db.orm.select({ until: archiveCases.retentionUntil }).from(archiveCases).get()?.until;
    expect(retention()).toBe('2040-03-01');
    putDocs(db.store, [visit(patient._id, '2026-07-15')]);
    expect(retention()).toBe('2041-07-15');
    putDocs(db.store, [visit(patient._id, '2027-01-02', 'cancelled')]);
    expect(retention()).toBe('2041-07-15');
    // Another patient's visit moves nothing.
    putDocs(db.store, [visit(makePatient(2)._id, '2030-01-01')]);
    expect(retention()).toBe('2041-07-15');
  });

  it('counts the case’s own visit when the patient’s visits have not arrived yet', () => {
    db = openTemporaryDatabase();
    putDocs(db.store, [caseOf('demo01-2024-W01-00003', makePatient(3)._id, '2024-02-29')]);
    expect(db.orm.select({ until: archiveCases.retentionUntil }).from(archiveCases).get()?.until).toBe('2039-03-01');
  });

  it('leaves sealed cases out of lists and counts for a user without the seal permission', () => {
    db = openTemporaryDatabase();
    const patient = makePatient(4);
    putDocs(db.store, [caseOf('demo01-2025-W01-00001', patient._id, '2025-03-01'), caseOf('demo01-2025-W01-00002', patient._id, '2025-03-02')]);
    db.orm.insert(caseSeals).values({ caseNumber: 'demo01-2025-W01-00002', sealId: 'seal:1', state: 'sealed', sealedAt: '2025-04-01T00:00:00.000Z' }).run();
    const countFor = (canSeeSealed: boolean) =>
      db.orm
        .select({ n: count() })
        .from(archiveCases)
        .where(and(eq(archiveCases.patientId, patient._id), sealedCaseFilter(archiveCases.caseNumber, { canSeeSealed })))
        .get()?.n;
    expect(countFor(false)).toBe(1);
    expect(countFor(true)).toBe(2);
    expect(isCaseSealed(db.orm, 'demo01-2025-W01-00002')).toBe(true);
    expect(isCaseSealed(db.orm, 'demo01-2025-W01-00001')).toBe(false);
    db.orm.update(caseSeals).set({ state: 'unsealed' }).run();
    expect(countFor(false)).toBe(2);
  });
});
