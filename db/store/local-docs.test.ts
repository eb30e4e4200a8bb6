import { afterEach, describe, expect, it } from 'vitest';
import { openTemporaryDatabase, type TemporaryDatabase } from '../testing/fixtures';
import { DocumentStoreError } from './errors';

let db: TemporaryDatabase;
afterEach(() => db?.dispose());

describe('_local documents', () => {
  it('bump 0-N on each write and refuse a wrong revision', () => {
    db = openTemporaryDatabase();
    const id = '_local/checkpoint-county';
    expect(db.store.getLocal(id)).toBeNull();
    expect(db.store.putLocal({ _id: id, last_seq: 10 })).toEqual({ ok: true, id, rev: '0-1' });
    expect(db.store.getLocal(id)).toEqual({ _id: id, _rev: '0-1', last_seq: 10 });
    expect(db.store.putLocal({ _id: id, _rev: '0-1', last_seq: 20 }).rev).toBe('0-2');

    expect(() => db.store.putLocal({ _id: id, _rev: '0-1', last_seq: 30 })).toThrow(DocumentStoreError);
    expect(() => db.store.putLocal({ _id: id, last_seq: 30 })).toThrow(/修订号不符/);
    expect(() => db.store.removeLocal(id, '0-1')).toThrow(expect.objectContaining({ code: 'conflict' }));
    expect(db.store.getLocal(id)).toMatchObject({ _rev: '0-2', last_seq: 20 });

    db.store.removeLocal(id, '0-2');
    expect(db.store.getLocal(id)).toBeNull();
    expect(() => db.store.removeLocal(id, '0-2')).toThrow(expect.objectContaining({ code: 'not_found' }));
    expect(db.store.putLocal({ _id: id, x: 1 }).rev).toBe('0-1');
  });

  it('are not documents: no changes, no revisions, no count', () => {
    db = openTemporaryDatabase();
    db.store.putLocal({ _id: '_local/a', x: 1 });
    expect(db.store.changes().results).toEqual([]);
    expect(db.store.info()).toMatchObject({ docCount: 0, updateSeq: 0 });
    expect(db.store.get('_local/a')).toBeNull();
  });

  it('through bulkDocs: local edits only, conflicts reported per document', () => {
    db = openTemporaryDatabase();
    expect(db.store.bulkDocs([{ _id: '_local/b', v: 1 }])).toEqual([{ ok: true, id: '_local/b', rev: '0-1' }]);
    expect(db.store.bulkDocs([{ _id: '_local/b', v: 2 }])[0]).toMatchObject({ ok: false, error: 'conflict' });
    expect(db.store.bulkDocs([{ _id: '_local/b', _rev: '0-1', _deleted: true }])[0]).toMatchObject({ ok: true });
    expect(db.store.getLocal('_local/b')).toBeNull();
    expect(db.store.bulkDocs([{ _id: '_local/c', _rev: '1-a' }], { newEdits: false })[0]).toMatchObject({ ok: false, error: 'bad_request' });
    expect(() => db.store.putLocal({ _id: 'not-local' })).toThrow(/_local/);
  });
});
