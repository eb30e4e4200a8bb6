import { afterEach, describe, expect, it } from 'vitest';
import { makePatient, newEncounterId, openTemporaryDatabase, type TemporaryDatabase } from '../testing/fixtures';
import { dumpProjections, isProjectionRebuildPending, rebuildProjections, REBUILD_PENDING_KEY, type RebuildProgress } from './rebuild';
import { openClinicDatabase } from '../open';

let db: TemporaryDatabase;
afterEach(() => db?.dispose());

function mustWrite(result: { ok: boolean; rev?: string }): string {
  if (!result.ok || !result.rev) throw new Error(JSON.stringify(result));
  return result.rev;
}

/** A store with new documents, edits, deletes, conflicts (won and lost), resurrections and bad replicas. */
function populate(target: TemporaryDatabase): void {
  const patients = Array.from({ length: 500 }, (_, i) => makePatient(i));
  const revs = target.store.bulkDocs(patients).map(mustWrite);
  // Edits.
  target.store.bulkDocs(patients.slice(0, 100).map((p, i) => ({ ...p, _rev: revs[i], name: `改名${i}`, cards: [] })));
  // Deletes.
  target.store.bulkDocs(patients.slice(100, 150).map((p, i) => ({ _id: p._id, _rev: revs[100 + i], _deleted: true })));
  // Replicated conflicts: half win (higher rev id at the same depth), half lose.
  target.store.bulkDocs(
    patients.slice(150, 250).map((p, i) => ({ ...p, name: `冲突${i}`, _rev: `1-${(i % 2 === 0 ? 'f' : '0').repeat(32)}` })),
    { newEdits: false },
  );
  // A conflict whose local winner is then deleted: the other leaf takes over.
  const resurrected = patients[150];
  target.store.bulkDocs([{ _id: resurrected._id, _rev: `1-${'f'.repeat(32)}`, _deleted: true }]);
  // Replicated revisions that fail their schema.
  target.store.bulkDocs(
    patients.slice(250, 260).map((p, i) => ({ ...p, sex: 'Q', _rev: `2-${'e'.repeat(32)}`, _revisions: { start: 2, ids: ['e'.repeat(32), revs[250 + i].slice(2)] } })),
    { newEdits: false },
  );
  // Encounters, and a document of a type nobody projects.
  target.store.bulkDocs(
    Array.from({ length: 50 }, (_, i) => ({
      _id: newEncounterId(),
      type: 'encounter',
      schema_version: 1,
      clinic_code: 'demo01',
      created_at: '2025-03-01T08:00:00.000Z',
      created_by: 'r1',
      updated_at: '2025-03-01T08:00:00.000Z',
      updated_by: 'r1',
      patient_id: patients[i]._id,
      department_code: i % 2 ? 'NK' : 'WK',
      visit_type: 'first',
      fee_category: 'self',
      visit_number: `WS1-20250301-${String(i + 1).padStart(4, '0')}`,
      visit_date: '2025-03-01',
      registered_at: '2025-03-01T08:00:00.000Z',
      status: 'waiting',
    })),
  );
  target.store.bulkDocs([{ _id: 'dictionary:x', type: 'dictionary', v: 1 }]);
}

describe('rebuildProjections', () => {
  it('reproduces every projection table exactly', async () => {
    db = openTemporaryDatabase();
    populate(db);
    const before = dumpProjections(db);
    expect(before.patients.length).toBeGreaterThan(300);
    expect(before.rejected_projections).toHaveLength(10);
    expect(before.encounters).toHaveLength(50);

    const progress: RebuildProgress[] = [];
    const final = await rebuildProjections(db, (p) => progress.push(p), { batchSize: 64 });
    const total = db.store.info().docCount;
    expect(final).toEqual({ done: total, total });
    expect(progress.length).toBeGreaterThan(5);
    expect(progress.map((p) => p.done)).toEqual([...progress.map((p) => p.done)].sort((a, b) => a - b));
    expect(dumpProjections(db)).toEqual(before);
    expect(isProjectionRebuildPending(db)).toBe(false);
  });

  it('is finished at the next open when it was interrupted', () => {
    db = openTemporaryDatabase();
    populate(db);
    const before = dumpProjections(db);
    // As if the process died after emptying the tables.
    db.store.projections.clearAll();
    db.sqlite.prepare("INSERT INTO meta (key, value) VALUES (?, '1')").run(REBUILD_PENDING_KEY);
    db.close();
    const reopened = openClinicDatabase(db.file, { slowQueryLog: false });
    try {
      expect(isProjectionRebuildPending(reopened)).toBe(false);
      expect(dumpProjections(reopened)).toEqual(before);
    } finally {
      reopened.close();
    }
  });
});
