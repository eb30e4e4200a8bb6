import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openClinicDatabase, type ClinicDatabase } from '../open';
import { temporaryDirectory } from '../testing/fixtures';
import { DocumentStoreError } from './errors';

let dir = '';
let db: ClinicDatabase | null = null;
afterEach(() => {
  db?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const open = () => openClinicDatabase(path.join(dir, 'clinic.db'), { slowQueryLog: false });
const KEY = 'note:encounter:01JQ0000000000000000000001';

describe('drafts', () => {
  it('are put, read, listed by owner, replaced and deleted, and survive a reopen', () => {
    dir = temporaryDirectory();
    db = open();
    const saved = db.store.drafts.put('li.ming', KEY, { complaint: '咳嗽' }, new Date('2025-03-01T08:00:00Z'));
    expect(saved).toMatchObject({ owner: 'li.ming', key: KEY, saved_at: '2025-03-01T08:00:00.000Z', content: { complaint: '咳嗽' } });
    db.store.drafts.put('li.ming', KEY, { complaint: '咳嗽三天' });
    db.store.drafts.put('li.ming', 'note:other', { complaint: '头痛' });
    db.store.drafts.put('li.mingx', KEY, { complaint: '别人的' });
    db.store.drafts.put('li', KEY, { complaint: '也是别人的' });

    db.close();
    db = open();
    expect(db.store.drafts.get('li.ming', KEY)?.content).toEqual({ complaint: '咳嗽三天' });
    expect(db.store.drafts.list('li.ming').map((d) => [d.key, d.content.complaint])).toEqual([
      [KEY, '咳嗽三天'],
      ['note:other', '头痛'],
    ]);
    expect(db.store.drafts.delete('li.ming', 'note:other')).toBe(true);
    expect(db.store.drafts.delete('li.ming', 'note:other')).toBe(false);
    expect(db.store.drafts.get('li.ming', 'note:other')).toBeNull();
    expect(db.store.drafts.list('li.mingx')).toHaveLength(1);
  });

  it('never enter the changes feed, so they never replicate or project', () => {
    dir = temporaryDirectory();
    db = open();
    const before = db.store.info();
    db.store.drafts.put('li.ming', KEY, { complaint: '咳嗽' });
    expect(db.store.info()).toEqual(before);
    expect(db.store.changes({ includeDocs: true }).results).toEqual([]);
    expect(db.sqlite.prepare('SELECT count(*) AS n FROM audit_events').get()).toEqual({ n: 0 });
  });

  it('refuses an owner or key that would not make a draft id', () => {
    dir = temporaryDirectory();
    db = open();
    expect(() => db!.store.drafts.put('Li Ming', KEY, {})).toThrow(DocumentStoreError);
    expect(() => db!.store.drafts.put('li.ming', 'a/b', {})).toThrow(/草稿的键/);
    expect(() => db!.store.drafts.list('../x')).toThrow(DocumentStoreError);
  });
});
