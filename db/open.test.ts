import { afterEach, describe, expect, it } from 'vitest';
import { openClinicDatabase } from './open';
import { installSlowQueryLog, type SlowQuery } from './slow-query-log';
import { openTemporaryDatabase, type TemporaryDatabase } from './testing/fixtures';

let db: TemporaryDatabase | undefined;
afterEach(() => db?.dispose());

describe('openClinicDatabase', () => {
  it('opens with WAL, synchronous=NORMAL and foreign keys, migrated', () => {
    db = openTemporaryDatabase();
    expect(db.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.sqlite.pragma('synchronous', { simple: true })).toBe(1);
    expect(db.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.sqlite.prepare('SELECT count(*) FROM __drizzle_migrations').pluck().get()).toBeGreaterThan(0);
    expect(() => db!.sqlite.prepare('INSERT INTO changes (doc_key) VALUES (424242)').run()).toThrow(/FOREIGN KEY/);
  });

  it('reopens an existing file with its data', () => {
    db = openTemporaryDatabase();
    db.store.putLocal({ _id: '_local/x', v: 1 });
    db.close();
    const again = openClinicDatabase(db.file, { slowQueryLog: false });
    try {
      expect(again.store.getLocal('_local/x')).toMatchObject({ v: 1 });
    } finally {
      again.close();
    }
  });

  it('logs statements slower than the threshold', () => {
    db = openTemporaryDatabase();
    const slow: SlowQuery[] = [];
    installSlowQueryLog(db.sqlite, { thresholdMs: 20, log: (q) => slow.push(q) });
    db.sqlite.prepare('SELECT 1').get();
    db.sqlite.prepare('WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000000) SELECT count(*) FROM n').pluck().get();
    expect(slow).toHaveLength(1);
    expect(slow[0].sql).toMatch(/RECURSIVE/);
    expect(slow[0].ms).toBeGreaterThanOrEqual(20);
  });
});
