import { afterEach, describe, expect, it } from 'vitest';
import { makePatient, openTemporaryDatabase, putDocs, type TemporaryDatabase } from '../testing/fixtures';

let db: TemporaryDatabase;
afterEach(() => db?.dispose());

const write = (doc: Record<string, unknown> & { _id: string }): string => putDocs(db.store, [doc])[0];

describe('changes feed', () => {
  it('lists each document once, in the order of its latest update', () => {
    db = openTemporaryDatabase();
    const [a, b, c] = [makePatient(1), makePatient(2), makePatient(3)];
    const revA = write(a);
    write(b);
    write(c);
    const revA2 = write({ ...a, _rev: revA, name: '改名' });

    const page = db.store.changes();
    expect(page.results.map((row) => row.id)).toEqual([b._id, c._id, a._id]);
    expect(page.results.map((row) => row.seq)).toEqual([2, 3, 4]);
    expect(page.results[2].changes).toEqual([{ rev: revA2 }]);
    expect(page.lastSeq).toBe(4);
    expect(db.store.info().updateSeq).toBe(4);
  });

  it('pages with since and limit', () => {
    db = openTemporaryDatabase();
    const docs = Array.from({ length: 10 }, (_, i) => makePatient(i));
    db.store.bulkDocs(docs);
    const first = db.store.changes({ limit: 4 });
    expect(first.results.map((r) => r.id)).toEqual(docs.slice(0, 4).map((d) => d._id));
    expect(first.lastSeq).toBe(4);
    const second = db.store.changes({ since: first.lastSeq, limit: 4 });
    expect(second.results.map((r) => r.id)).toEqual(docs.slice(4, 8).map((d) => d._id));
    const third = db.store.changes({ since: second.lastSeq, limit: 4 });
    expect(third.results.map((r) => r.id)).toEqual(docs.slice(8).map((d) => d._id));
    expect(third.lastSeq).toBe(10);
    expect(db.store.changes({ since: 10 })).toEqual({ results: [], lastSeq: 10 });
  });

  it('includes documents, deletions, and all leaves on request (winner first)', () => {
    db = openTemporaryDatabase();
    const a = makePatient(1);
    const b = makePatient(2);
    const revA = write(a);
    const revB = write(b);
    const revB2 = write({ _id: b._id, _rev: revB, _deleted: true });
    const other = `1-${'f'.repeat(32)}`;
    db.store.bulkDocs([{ ...a, _rev: other, name: '冲突' }], { newEdits: false });

    const page = db.store.changes({ includeDocs: true });
    expect(page.results).toEqual([
      { seq: 3, id: b._id, changes: [{ rev: revB2 }], deleted: true, doc: { _id: b._id, _rev: revB2, _deleted: true } },
      { seq: 4, id: a._id, changes: [{ rev: other }], doc: expect.objectContaining({ _id: a._id, _rev: other, name: '冲突' }) },
    ]);
    // 1-fff… sorts above the local revision, so it wins; the local one is a conflict.
    expect(other > revA).toBe(true);
    const all = db.store.changes({ allLeaves: true });
    expect(all.results[1].changes).toEqual([{ rev: other }, { rev: revA }]);
  });
});
