import { afterEach, describe, expect, it } from 'vitest';
import { makePatient, newEncounterId, openTemporaryDatabase, type TemporaryDatabase } from '../testing/fixtures';
import {
  deferProjections,
  dumpProjections,
  isProjectionRebuildPending,
  rebuildProjections,
  rebuildProjectionsSync,
  REBUILD_PENDING_KEY,
  type RebuildProgress,
} from './rebuild';
import { DROPPED_INDEXES_KEY, dropIndexesForRebuild, INDEXES_BUILT_AFTER_REBUILD } from './rebuild-indexes';
import { openClinicDatabase } from '../open';

/** Every index of the database with its SQL, to compare before and after. */
function indexesOf(target: { sqlite: TemporaryDatabase['sqlite'] }): Array<{ name: string; sql: string | null }> {
  return target.sqlite.prepare<[], { name: string; sql: string | null }>("SELECT name, sql FROM sqlite_master WHERE type = 'index' ORDER BY name").all();
}

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
    patients
      .slice(250, 260)
      .map((p, i) => ({ ...p, sex: 'Q', _rev: `2-${'e'.repeat(32)}`, _revisions: { start: 2, ids: ['e'.repeat(32), revs[250 + i].slice(2)] } })),
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

  it('builds the search indexes once at the end, and leaves every index as it was', () => {
    db = openTemporaryDatabase();
    populate(db);
    const indexes = indexesOf(db);
    for (const name of INDEXES_BUILT_AFTER_REBUILD) expect(indexes.map((i) => i.name)).toContain(name);
    const seen: string[][] = [];
    rebuildProjectionsSync(db, () => seen.push(indexesOf(db).map((i) => i.name)), { batchSize: 64 });
    // Between batches the listed indexes are gone; afterwards all are back, the same.
    expect(seen.length).toBeGreaterThan(3);
    expect(seen[0]).not.toContain('patient_search_keys_recent_idx');
    expect(indexesOf(db)).toEqual(indexes);
    expect(db.sqlite.prepare('SELECT count(*) FROM meta WHERE key = ?').pluck().get(DROPPED_INDEXES_KEY)).toBe(0);
  });

  it('puts back indexes a crashed rebuild left dropped, and finishes it', () => {
    db = openTemporaryDatabase();
    populate(db);
    const before = dumpProjections(db);
    const indexes = indexesOf(db);
    // As if the process died right after the rebuild's first step.
    db.sqlite.transaction(() => {
      dropIndexesForRebuild(db.sqlite);
      db.store.projections.clearAll();
      db.sqlite.prepare("INSERT INTO meta (key, value) VALUES (?, '1')").run(REBUILD_PENDING_KEY);
    })();
    expect(indexesOf(db).length).toBeLessThan(indexes.length);
    db.close();
    const reopened = openClinicDatabase(db.file, { slowQueryLog: false });
    try {
      expect(indexesOf(reopened)).toEqual(indexes);
      expect(dumpProjections(reopened)).toEqual(before);
    } finally {
      reopened.close();
    }
  });

  it('when deferred, writes documents only; the rebuild then projects exactly what writing would have', () => {
    const projected = openTemporaryDatabase();
    try {
      populate(projected);
      db = openTemporaryDatabase();
      deferProjections(db);
      populate(db);
      expect(db.store.info().docCount).toBe(projected.store.info().docCount);
      const empty = dumpProjections(db);
      expect(empty.patients).toHaveLength(0);
      expect(empty.patient_search_keys).toHaveLength(0);
      expect(isProjectionRebuildPending(db)).toBe(true);

      rebuildProjectionsSync(db);
      expect(isProjectionRebuildPending(db)).toBe(false);
      // Document ids differ between the two stores (fresh ULIDs), so compare what does not name them.
      const counts = (d: Record<string, unknown[]>) => Object.fromEntries(Object.entries(d).map(([table, rows]) => [table, rows.length]));
      expect(counts(dumpProjections(db))).toEqual(counts(dumpProjections(projected)));
      // And projecting resumes for the writes that follow.
      db.store.bulkDocs([makePatient(9_999, { name: '新来者' })]);
      expect(db.sqlite.prepare("SELECT count(*) FROM patients WHERE name = '新来者'").pluck().get()).toBe(1);
    } finally {
      projected.dispose();
    }
  });

  it('when deferred and cut short, is rebuilt at the next open', () => {
    db = openTemporaryDatabase();
    deferProjections(db);
    populate(db);
    db.close();
    const reopened = openClinicDatabase(db.file, { slowQueryLog: false });
    try {
      expect(isProjectionRebuildPending(reopened)).toBe(false);
      expect(dumpProjections(reopened).patients.length).toBeGreaterThan(300);
    } finally {
      reopened.close();
    }
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
