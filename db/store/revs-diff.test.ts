import { afterEach, describe, expect, it } from 'vitest';
import { openTemporaryDatabase, type TemporaryDatabase } from '../testing/fixtures';

let db: TemporaryDatabase;
afterEach(() => db?.dispose());

describe('revsDiff', () => {
  it('reports missing revisions and the leaves that could be their ancestors', () => {
    db = openTemporaryDatabase();
    db.store.bulkDocs(
      [
        { _id: 'x', _rev: '2-b', _revisions: { start: 2, ids: ['b', 'a'] } },
        { _id: 'y', _rev: '1-a' },
      ],
      { newEdits: false },
    );
    expect(
      db.store.revsDiff({
        x: ['2-b', '3-c', '1-z'],
        y: ['1-a'],
        z: ['1-q', '2-r'],
      }),
    ).toEqual({
      x: { missing: ['3-c', '1-z'], possible_ancestors: ['2-b'] },
      z: { missing: ['1-q', '2-r'] },
    });
    // No leaf lower than the missing revision: no possible ancestors.
    expect(db.store.revsDiff({ x: ['1-z'] })).toEqual({ x: { missing: ['1-z'] } });
    // An ancestor the tree knows without its body is still wanted.
    expect(db.store.revsDiff({ x: ['1-a'] })).toEqual({ x: { missing: ['1-a'] } });
  });
});
