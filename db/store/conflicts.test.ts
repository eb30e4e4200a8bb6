import { createRequire } from 'node:module';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { makePatient, openTemporaryDatabase, type TemporaryDatabase } from '../testing/fixtures';
import type { DocumentInput } from './types';

let db: TemporaryDatabase;
afterEach(() => db?.dispose());

const ID = 'note:conflict-test';

/** A replicated revision with its history, newest first, as a peer would send it. */
function replicated(ids: string[], extra: Record<string, unknown> = {}): DocumentInput {
  return { _id: ID, _rev: `${ids.length}-${ids[0]}`, _revisions: { start: ids.length, ids }, ...extra };
}

function winnerAndConflicts(id = ID) {
  const all = db.store.changes({ allLeaves: true }).results.find((row) => row.id === id)!;
  const doc = db.store.get(id, { conflicts: true });
  return { winner: all.changes[0].rev, deleted: all.deleted === true, leaves: all.changes.map((c) => c.rev).sort(), conflicts: doc?._conflicts ?? [] };
}

describe('conflicts from replication (new_edits: false)', () => {
  it('picks the higher revision id between two roots', () => {
    db = openTemporaryDatabase();
    db.store.bulkDocs([replicated(['aaa'], { v: 'a' }), replicated(['bbb'], { v: 'b' })], { newEdits: false });
    expect(winnerAndConflicts()).toEqual({ winner: '1-bbb', deleted: false, leaves: ['1-aaa', '1-bbb'], conflicts: ['1-aaa'] });
    expect(db.store.get(ID)).toMatchObject({ _rev: '1-bbb', v: 'b' });
  });

  it('picks the longer branch over the higher id', () => {
    db = openTemporaryDatabase();
    db.store.bulkDocs([replicated(['fff']), replicated(['aaa', 'root']), replicated(['zzz', 'root'])], { newEdits: false });
    // 1-fff is a separate root; 2-zzz and 2-aaa share 1-root.
    expect(winnerAndConflicts()).toMatchObject({ winner: '2-zzz', conflicts: ['2-aaa', '1-fff'] });
  });

  it('prefers a live leaf over a deleted one, however long', () => {
    db = openTemporaryDatabase();
    db.store.bulkDocs([replicated(['ddd', 'ccc', 'bbb'], { _deleted: true }), replicated(['aaa'], { v: 'live' })], { newEdits: false });
    const state = winnerAndConflicts();
    expect(state).toMatchObject({ winner: '1-aaa', deleted: false, leaves: ['1-aaa', '3-ddd'] });
    // Deleted leaves are not conflicts.
    expect(state.conflicts).toEqual([]);
    expect(db.store.get(ID)).toMatchObject({ v: 'live' });
  });

  it('reports a document whose leaves are all deleted as deleted, the longest winning', () => {
    db = openTemporaryDatabase();
    db.store.bulkDocs([replicated(['bbb'], { _deleted: true }), replicated(['aaa', 'zzz'], { _deleted: true })], { newEdits: false });
    expect(winnerAndConflicts()).toMatchObject({ winner: '2-aaa', deleted: true });
    expect(db.store.get(ID)).toBeNull();
    expect(db.store.info()).toMatchObject({ docCount: 0, deletedCount: 1 });
  });

  it('is idempotent: a revision already held changes nothing', () => {
    db = openTemporaryDatabase();
    const doc = replicated(['bbb', 'aaa'], { v: 1 });
    expect(db.store.bulkDocs([doc], { newEdits: false })).toEqual([{ ok: true, id: ID, rev: '2-bbb' }]);
    const seq = db.store.info().updateSeq;
    expect(db.store.bulkDocs([doc, { _id: ID, _rev: '2-bbb' }], { newEdits: false })).toEqual([
      { ok: true, id: ID, rev: '2-bbb' },
      { ok: true, id: ID, rev: '2-bbb' },
    ]);
    expect(db.store.info().updateSeq).toBe(seq);
    expect(db.store.listRevisions(ID)).toHaveLength(1);
  });

  it('fills in the body of a revision first known only as an ancestor', () => {
    db = openTemporaryDatabase();
    db.store.bulkDocs([replicated(['ccc', 'bbb', 'aaa'], { v: 3 })], { newEdits: false });
    expect(db.store.revsDiff({ [ID]: ['2-bbb', '3-ccc'] })).toEqual({ [ID]: { missing: ['2-bbb'] } });
    db.store.bulkDocs([replicated(['bbb', 'aaa'], { v: 2 })], { newEdits: false });
    expect(db.store.revsDiff({ [ID]: ['2-bbb'] })).toEqual({});
    expect(db.store.get(ID, { rev: '2-bbb' })).toMatchObject({ v: 2 });
    expect(db.store.get(ID)).toMatchObject({ _rev: '3-ccc', v: 3 });
  });

  it('a person resolves a conflict by deleting the losing leaf', () => {
    db = openTemporaryDatabase();
    db.store.bulkDocs([replicated(['aaa'], { v: 'a' }), replicated(['bbb'], { v: 'b' })], { newEdits: false });
    const [resolved] = db.store.bulkDocs([{ _id: ID, _rev: '1-aaa', _deleted: true }]);
    expect(resolved).toMatchObject({ ok: true });
    expect(winnerAndConflicts()).toMatchObject({ winner: '1-bbb', conflicts: [] });
    expect(db.store.sqlite.prepare('SELECT conflict_count FROM documents WHERE id = ?').pluck().get(ID)).toBe(0);
  });

  it('a replicated losing revision leaves the projections alone', () => {
    db = openTemporaryDatabase();
    const patient = makePatient(1);
    const [mine] = db.store.bulkDocs([patient]);
    if (!mine.ok) throw new Error('write failed');
    const loser = { ...patient, name: '别人改的', _rev: `1-${'0'.repeat(32)}` };
    db.store.bulkDocs([loser], { newEdits: false });
    expect(db.store.get(patient._id, { conflicts: true })).toMatchObject({ _rev: mine.rev, name: patient.name, _conflicts: [loser._rev] });
    expect(db.store.sqlite.prepare('SELECT name FROM patients WHERE id = ?').pluck().get(patient._id)).toBe(patient.name);

    // Once the local winner is deleted, the other leaf wins and is projected.
    db.store.bulkDocs([{ _id: patient._id, _rev: mine.rev, _deleted: true }]);
    expect(db.store.get(patient._id)).toMatchObject({ _rev: loser._rev, name: '别人改的' });
    expect(db.store.sqlite.prepare('SELECT name FROM patients WHERE id = ?').pluck().get(patient._id)).toBe('别人改的');
  });
});

// --- The same histories given to PouchDB itself must give the same winners and leaves. ----------

interface PouchLike {
  bulkDocs(docs: unknown[], options: { new_edits: boolean }): Promise<unknown>;
  allDocs(options: { keys: string[] }): Promise<{ rows: Array<{ value?: { rev: string; deleted?: boolean } }> }>;
  get(id: string, options: { conflicts: boolean; open_revs?: 'all' }): Promise<Array<{ ok?: { _rev: string } }> & { _conflicts?: string[] }>;
  destroy(): Promise<void>;
}
const require = createRequire(import.meta.url);
const PouchDB = require('pouchdb-core') as { plugin(p: unknown): void; new (name: string, options: { adapter: string }): PouchLike };
PouchDB.plugin(require('pouchdb-adapter-memory'));

/** A batch of revision histories: each a path of short hashes, newest first, maybe deleted. */
const historyArbitrary = fc.record({
  // Hashes from a small alphabet so paths share ancestors and branch often.
  ids: fc.array(fc.constantFrom('a', 'b', 'c', 'd', 'e'), { minLength: 1, maxLength: 4 }),
  deleted: fc.boolean(),
});

describe('winner and leaves match PouchDB', () => {
  it('for random replicated histories', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(historyArbitrary, { minLength: 1, maxLength: 6 }), async (histories) => {
        db = openTemporaryDatabase();
        const pouch = new PouchDB(`compare-${run++}`, { adapter: 'memory' });
        try {
          // Hash = letter + depth, so one hash never sits at two depths.
          const docs = histories.map(({ ids, deleted }) => {
            const hashes = ids.map((letter, i) => `${letter}${ids.length - i}`);
            return { _id: ID, _rev: `${ids.length}-${hashes[0]}`, _revisions: { start: ids.length, ids: hashes }, _deleted: deleted, n: hashes.join('') };
          });
          for (const doc of docs) {
            await pouch.bulkDocs([doc], { new_edits: false });
            db.store.bulkDocs([doc], { newEdits: false });
          }
          const ours = winnerAndConflicts();
          const theirs = (await pouch.allDocs({ keys: [ID] })).rows[0].value!;
          const leaves = (await pouch.get(ID, { conflicts: false, open_revs: 'all' })).map((r) => r.ok!._rev).sort();
          expect(ours.winner).toBe(theirs.rev);
          expect(ours.deleted).toBe(theirs.deleted === true);
          expect(ours.leaves).toEqual(leaves);
          if (!theirs.deleted) {
            const conflicts = (await pouch.get(ID, { conflicts: true }))._conflicts ?? [];
            expect([...ours.conflicts].sort()).toEqual([...conflicts].sort());
          }
        } finally {
          await pouch.destroy();
          db.dispose();
        }
      }),
      { numRuns: 60, seed: 20250101 },
    );
  });
});
