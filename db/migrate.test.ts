import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { is } from 'drizzle-orm';
import { getTableConfig, SQLiteTable } from 'drizzle-orm/sqlite-core';
import { afterEach, describe, expect, it } from 'vitest';
import { applyMigrations } from './migrate';
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
      expect(created.sort((a, b) => a.name.localeCompare(b.name)), config.name).toEqual(declared.sort((a, b) => a.name.localeCompare(b.name)));
      for (const fk of config.foreignKeys) {
        const reference = fk.reference();
        const list = sqlite.prepare(`PRAGMA foreign_key_list("${config.name}")`).all() as Array<{ table: string; from: string; to: string }>;
        expect(list).toContainEqual(expect.objectContaining({ table: getTableConfig(reference.foreignTable).name, from: reference.columns[0].name, to: reference.foreignColumns[0].name }));
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
});
