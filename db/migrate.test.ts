import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { is } from 'drizzle-orm';
import { getTableConfig, SQLiteTable } from 'drizzle-orm/sqlite-core';
import { afterEach, describe, expect, it } from 'vitest';
import { applyMigrations, defaultMigrationsFolder } from './migrate';
import { createOrm } from './orm';
import * as schema from './schema';
import { temporaryDirectory } from './testing/fixtures';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function emptyDatabase(): Database.Database {
  const dir = temporaryDirectory('clinic-migrate-');
  dirs.push(dir);
  return new Database(path.join(dir, 'empty.db'));
}

const tables = Object.values(schema).filter((value) => is(value, SQLiteTable)) as SQLiteTable[];

function snapshot(sqlite: Database.Database) {
  return {
    objects: sqlite.prepare("SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name").all(),
    migrations: sqlite.prepare('SELECT hash, created_at FROM __drizzle_migrations ORDER BY id').all(),
  };
}

describe('migrations', () => {
  it('replayed on an empty database give exactly the drizzle schema', () => {
    const sqlite = emptyDatabase();
    applyMigrations(createOrm(sqlite));

    const inDatabase = sqlite
      .prepare<[], string>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '__drizzle_migrations'")
      .pluck()
      .all()
      .sort();
    expect(inDatabase).toEqual(tables.map((t) => getTableConfig(t).name).sort());

    for (const table of tables) {
      const config = getTableConfig(table);
      const columns = sqlite.prepare(`PRAGMA table_info("${config.name}")`).all() as Array<{ name: string; notnull: number; pk: number }>;
      const compositeKey = config.primaryKeys[0]?.columns.map((c) => c.name) ?? [];
      expect(columns.map((c) => c.name).sort(), config.name).toEqual(config.columns.map((c) => c.name).sort());
      for (const column of config.columns) {
        const actual = columns.find((c) => c.name === column.name)!;
        expect({ table: config.name, column: column.name, notNull: actual.notnull === 1 || actual.pk > 0 }).toEqual({
          table: config.name,
          column: column.name,
          notNull: column.notNull || column.primary || compositeKey.includes(column.name),
        });
        expect(actual.pk > 0, `${config.name}.${column.name} primary key`).toBe(column.primary || compositeKey.includes(column.name));
      }
      const indexes = sqlite.prepare(`PRAGMA index_list("${config.name}")`).all() as Array<{ name: string; unique: number; origin: string }>;
      const declared = [
        ...config.indexes.map((i) => ({ name: i.config.name, unique: i.config.unique })),
        ...config.columns.filter((c) => c.isUnique).map((c) => ({ name: c.uniqueName!, unique: true })),
      ];
      const created = indexes.filter((i) => i.origin === 'c').map((i) => ({ name: i.name, unique: i.unique === 1 }));
      expect(
        created.sort((a, b) => a.name.localeCompare(b.name)),
        config.name,
      ).toEqual(declared.sort((a, b) => a.name.localeCompare(b.name)));
      for (const fk of config.foreignKeys) {
        const reference = fk.reference();
        const list = sqlite.prepare(`PRAGMA foreign_key_list("${config.name}")`).all() as Array<{ table: string; from: string; to: string }>;
        expect(list).toContainEqual(
          expect.objectContaining({
            table: getTableConfig(reference.foreignTable).name,
            from: reference.columns[0].name,
            to: reference.foreignColumns[0].name,
          }),
        );
      }
    }
    sqlite.close();
  });

  it('applied again change nothing', () => {
    const sqlite = emptyDatabase();
    const orm = createOrm(sqlite);
    applyMigrations(orm);
    const first = snapshot(sqlite);
    expect(first.migrations.length).toBeGreaterThan(0);
    applyMigrations(orm);
    applyMigrations(createOrm(sqlite));
    expect(snapshot(sqlite)).toEqual(first);
    sqlite.close();
  });

  it('0001 moves the store tables of a 0000 database to integer keys, keeping every row and the sequence', () => {
    // A migrations folder holding only 0000, to make a database as the first release left it.
    const firstOnly = temporaryDirectory('clinic-migrations-0000-');
    dirs.push(firstOnly);
    const source = defaultMigrationsFolder();
    fs.mkdirSync(path.join(firstOnly, 'meta'));
    fs.copyFileSync(path.join(source, '0000_init.sql'), path.join(firstOnly, '0000_init.sql'));
    const journal = JSON.parse(fs.readFileSync(path.join(source, 'meta', '_journal.json'), 'utf8')) as { entries: Array<{ tag: string }> };
    journal.entries = journal.entries.filter((entry) => entry.tag === '0000_init');
    fs.writeFileSync(path.join(firstOnly, 'meta', '_journal.json'), JSON.stringify(journal));

    const sqlite = emptyDatabase();
    sqlite.pragma('foreign_keys = ON');
    const orm = createOrm(sqlite);
    applyMigrations(orm, firstOnly);
    // Three documents; 'b' was updated last (its earlier rows moved away), 'c' deleted.
    sqlite.exec(`
      INSERT INTO documents (id, type, winning_rev, deleted, rev_tree, conflict_count) VALUES
        ('a', 't', '1-a', 0, '[{"pos":1,"ids":["a",{"status":"available"},[]]}]', 0),
        ('b', 't', '2-b', 0, '[{"pos":1,"ids":["a",{"status":"available"},[["b",{"status":"available"},[]]]]}]', 0),
        ('c', null, '2-c', 1, '[{"pos":1,"ids":["a",{"status":"available"},[["c",{"status":"available","deleted":true},[]]]]}]', 0);
      INSERT INTO revisions (doc_id, rev, pos, deleted, body, stored_at) VALUES
        ('a', '1-a', 1, 0, '{"v":1}', 1), ('b', '1-a', 1, 0, '{"v":1}', 2), ('c', '1-a', 1, 0, '{"v":1}', 3),
        ('c', '2-c', 2, 1, '{}', 4), ('b', '2-b', 2, 0, '{"v":2}', 5);
      INSERT INTO changes (seq, doc_id) VALUES (1, 'a'), (3, 'c'), (6, 'b');
    `);
    expect(sqlite.prepare("SELECT seq FROM sqlite_sequence WHERE name = 'changes'").pluck().get()).toBe(6);
    // Numbers above the highest row may have been handed out (7 and 8 here): they stay used.
    sqlite.prepare("UPDATE sqlite_sequence SET seq = 8 WHERE name = 'changes'").run();

    applyMigrations(orm);
    expect(sqlite.pragma('foreign_key_check')).toEqual([]);
    expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(sqlite.prepare('SELECT d.id, c.seq FROM changes c JOIN documents d ON d.doc_key = c.doc_key ORDER BY c.seq').all()).toEqual([
      { id: 'a', seq: 1 },
      { id: 'c', seq: 3 },
      { id: 'b', seq: 6 },
    ]);
    expect(sqlite.prepare('SELECT id, seq FROM documents ORDER BY id').all()).toEqual([
      { id: 'a', seq: 1 },
      { id: 'b', seq: 6 },
      { id: 'c', seq: 3 },
    ]);
    expect(
      sqlite.prepare('SELECT d.id, r.rev, r.body, r.stored_at FROM revisions r JOIN documents d ON d.doc_key = r.doc_key ORDER BY r.revision_id').all(),
    ).toEqual([
      { id: 'a', rev: '1-a', body: '{"v":1}', stored_at: 1 },
      { id: 'b', rev: '1-a', body: '{"v":1}', stored_at: 2 },
      { id: 'c', rev: '1-a', body: '{"v":1}', stored_at: 3 },
      { id: 'c', rev: '2-c', body: '{}', stored_at: 4 },
      { id: 'b', rev: '2-b', body: '{"v":2}', stored_at: 5 },
    ]);
    expect(sqlite.prepare("SELECT name, seq FROM sqlite_sequence WHERE name LIKE '%changes'").all()).toEqual([{ name: 'changes', seq: 8 }]);
    // The next change gets a number never used before.
    const key = sqlite.prepare("SELECT doc_key FROM documents WHERE id = 'a'").pluck().get();
    expect(sqlite.prepare('INSERT INTO changes (doc_key) VALUES (?)').run(key).lastInsertRowid).toBe(9);
    sqlite.close();
  });
});
