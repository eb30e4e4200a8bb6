import { afterEach, describe, expect, it } from 'vitest';
import { makePatient, openTemporaryDatabase, type TemporaryDatabase } from '../testing/fixtures';
import type { WriteResult } from './types';

let db: TemporaryDatabase;
afterEach(() => db?.dispose());

function okRev(result: WriteResult | undefined): string {
  if (!result?.ok) throw new Error(`write failed: ${JSON.stringify(result)}`);
  return result.rev;
}

describe('revisions', () => {
  it('keeps every revision of a document readable', () => {
    db = openTemporaryDatabase();
    const patient = makePatient(1);
    const rev1 = okRev(db.store.bulkDocs([patient])[0]);
    const rev2 = okRev(db.store.bulkDocs([{ ...patient, _rev: rev1, phone: '13900000001' }])[0]);
    const rev3 = okRev(db.store.bulkDocs([{ ...patient, _rev: rev2, phone: '13900000001', name: '李四' }])[0]);

    expect(rev1).toMatch(/^1-[0-9a-f]{32}$/);
    expect(rev2).toMatch(/^2-[0-9a-f]{32}$/);
    expect(rev3).toMatch(/^3-[0-9a-f]{32}$/);

    const revisions = db.store.listRevisions(patient._id);
    expect(revisions.map((r) => r.rev)).toEqual([rev1, rev2, rev3]);
    expect(revisions.map((r) => r.body.phone)).toEqual([patient.phone, '13900000001', '13900000001']);
    expect(revisions[2].body.name).toBe('李四');

    expect(db.store.get(patient._id, { rev: rev1 })).toMatchObject({ _id: patient._id, _rev: rev1, phone: patient.phone, name: patient.name });
    expect(db.store.get(patient._id, { rev: rev2 })).toMatchObject({ _rev: rev2, phone: '13900000001' });
    expect(db.store.get(patient._id)).toMatchObject({ _rev: rev3, name: '李四' });

    expect(db.store.get(patient._id, { revs: true })?._revisions).toEqual({
      start: 3,
      ids: [rev3, rev2, rev1].map((rev) => rev.slice(2)),
    });
    expect(db.store.get(patient._id, { rev: rev2, revs: true })?._revisions).toEqual({ start: 2, ids: [rev2.slice(2), rev1.slice(2)] });
  });

  it('makes revision ids from the parent and the canonical body', () => {
    db = openTemporaryDatabase();
    const patient = makePatient(2);
    // The same body with its keys in another order is the same body.
    const reordered = Object.fromEntries(Object.entries(patient).reverse()) as typeof patient;
    const [a] = db.store.bulkDocs([patient]);
    const other = openTemporaryDatabase();
    try {
      const [b] = other.store.bulkDocs([reordered]);
      expect(okRev(b)).toBe(okRev(a));
      const [c] = other.store.bulkDocs([{ ...reordered, _rev: okRev(b), name: '王五' }]);
      const [d] = db.store.bulkDocs([{ ...patient, _rev: okRev(a), name: '王五' }]);
      expect(okRev(c)).toBe(okRev(d));
    } finally {
      other.dispose();
    }
  });

  it('refuses an edit of a stale revision with a conflict and writes nothing', () => {
    db = openTemporaryDatabase();
    const patient = makePatient(3);
    const rev1 = okRev(db.store.bulkDocs([patient])[0]);
    okRev(db.store.bulkDocs([{ ...patient, _rev: rev1, name: '赵六' }])[0]);
    const seq = db.store.info().updateSeq;

    const [stale] = db.store.bulkDocs([{ ...patient, _rev: rev1, name: '钱七' }]);
    expect(stale).toMatchObject({ ok: false, id: patient._id, error: 'conflict' });
    const [missingRev] = db.store.bulkDocs([{ ...patient, name: '钱七' }]);
    expect(missingRev).toMatchObject({ ok: false, error: 'conflict' });
    const [unknownDoc] = db.store.bulkDocs([{ ...makePatient(4), _rev: rev1 }]);
    expect(unknownDoc).toMatchObject({ ok: false, error: 'conflict' });

    expect(db.store.listRevisions(patient._id)).toHaveLength(2);
    expect(db.store.info().updateSeq).toBe(seq);
  });

  it('deletes, keeps the deleted revision, and lets the document be written again', () => {
    db = openTemporaryDatabase();
    const patient = makePatient(5);
    const rev1 = okRev(db.store.bulkDocs([patient])[0]);
    const rev2 = okRev(db.store.bulkDocs([{ _id: patient._id, _rev: rev1, _deleted: true }])[0]);
    expect(db.store.get(patient._id)).toBeNull();
    expect(db.store.get(patient._id, { rev: rev2 })).toEqual({ _id: patient._id, _rev: rev2, _deleted: true });
    expect(db.store.info()).toMatchObject({ docCount: 0, deletedCount: 1 });

    // Deleting again or deleting an unknown document: not found.
    expect(db.store.bulkDocs([{ _id: patient._id, _deleted: true }])[0]).toMatchObject({ ok: false, error: 'not_found' });
    expect(db.store.bulkDocs([{ _id: 'patient:h' + '0'.repeat(32), _deleted: true }])[0]).toMatchObject({ ok: false, error: 'not_found' });

    // Written again without a _rev: continues from the deleted leaf.
    const rev3 = okRev(db.store.bulkDocs([patient])[0]);
    expect(rev3.startsWith('3-')).toBe(true);
    expect(db.store.listRevisions(patient._id).map((r) => [r.rev, r.deleted])).toEqual([
      [rev1, false],
      [rev2, true],
      [rev3, false],
    ]);
    expect(db.store.info()).toMatchObject({ docCount: 1, deletedCount: 0 });
  });

  it('stems the tree at 1000 revisions but keeps every body', () => {
    db = openTemporaryDatabase();
    const patient = makePatient(6);
    let rev = okRev(db.store.bulkDocs([patient])[0]);
    const first = rev;
    db.store.transaction(() => {
      for (let i = 0; i < 1004; i++) rev = okRev(db.store.bulkDocs([{ ...patient, _rev: rev, address: { detail: `第 ${i} 次` } }])[0]);
    });
    expect(db.store.get(patient._id, { revs: true })?._revisions?.ids).toHaveLength(1000);
    expect(db.store.listRevisions(patient._id)).toHaveLength(1005);
    expect(db.store.get(patient._id, { rev: first })).toMatchObject({ _rev: first, name: patient.name });
    // A stemmed-out revision is still known: replicating it again is a no-op.
    expect(db.store.revsDiff({ [patient._id]: [first] })).toEqual({});
  });
});
