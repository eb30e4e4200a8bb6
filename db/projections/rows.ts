import { getTableColumns, getTableName } from 'drizzle-orm';
import type { InferInsertModel } from 'drizzle-orm';
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { ProjectionTx } from './types';

/**
 * Row writes for projection tables, declared with drizzle tables and typed rows but run as plain
 * prepared SQL generated from the table definition: a drizzle prepared query costs ~3 µs more per
 * row (placeholder filling), which is a sixth of the whole write budget of a document.
 */

/**
 * A row for a projection table with every column spelled out (null where absent): a column left
 * out by mistake is a type error, not a silently missing value.
 */
export type ProjectionRow<T extends SQLiteTable> = Required<InferInsertModel<T>>;

interface RowStatement {
  run(row: Readonly<Record<string, unknown>>): void;
}

const tableNames = new WeakMap<SQLiteTable, string>();

/** The table's SQL name, looked up once (drizzle keeps it behind a symbol getter). */
function nameOf(table: SQLiteTable): string {
  let name = tableNames.get(table);
  if (name === undefined) tableNames.set(table, (name = getTableName(table)));
  return name;
}

function quote(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/**
 * Values SQLite cannot bind as they are (booleans, JSON columns' objects and arrays, dates) go
 * through the column's own drizzle mapping, so rows read back through drizzle round-trip.
 */
function needsMapping(value: unknown): boolean {
  return typeof value === 'boolean' || (typeof value === 'object' && value !== null && !Buffer.isBuffer(value));
}

function rowStatement(tx: ProjectionTx, key: string, table: SQLiteTable, sqlFor: (columns: Array<[string, SQLiteColumn]>) => string): RowStatement {
  return tx.prepared(key, () => {
    const columns = Object.entries(getTableColumns(table) as Record<string, SQLiteColumn>);
    // Positional parameters (`?`, in column order), filled into one reused array: binding by name
    // makes SQLite look each one up, and a copy of the row per write was most of this function.
    const statement = tx.sqlite.prepare(sqlFor(columns));
    const values: unknown[] = new Array(columns.length);
    return {
      run(row: Readonly<Record<string, unknown>>) {
        for (let i = 0; i < columns.length; i += 1) {
          const [name, column] = columns[i];
          const value = row[name];
          values[i] = value === undefined ? null : needsMapping(value) ? column.mapToDriverValue(value) : value;
        }
        statement.run(values);
      },
    };
  });
}

function primaryKeyOf(table: SQLiteTable, columns: Array<[string, SQLiteColumn]>): SQLiteColumn {
  const keys = columns.filter(([, column]) => column.primary).map(([, column]) => column);
  if (keys.length !== 1) throw new Error(`projection table ${getTableName(table)} needs a single-column primary key to upsert`);
  return keys[0];
}

/** Insert, or update every other column when a row with the same primary key exists. */
export function upsertRow<T extends SQLiteTable>(tx: ProjectionTx, table: T, row: ProjectionRow<T>): void {
  rowStatement(tx, `upsert:${nameOf(table)}`, table, (columns) => {
    const key = primaryKeyOf(table, columns);
    const updates = columns.filter(([, column]) => column !== key).map(([, column]) => `${quote(column.name)} = excluded.${quote(column.name)}`);
    return (
      `INSERT INTO ${quote(getTableName(table))} (${columns.map(([, c]) => quote(c.name)).join(', ')}) ` +
      `VALUES (${columns.map(() => '?').join(', ')}) ` +
      `ON CONFLICT (${quote(key.name)}) DO ${updates.length > 0 ? `UPDATE SET ${updates.join(', ')}` : 'NOTHING'}`
    );
  }).run(row as Record<string, unknown>);
}

/** Insert unless an identical key is already there (child rows such as a patient's cards). */
export function insertRowIfAbsent<T extends SQLiteTable>(tx: ProjectionTx, table: T, row: ProjectionRow<T>): void {
  rowStatement(
    tx,
    `insert:${nameOf(table)}`,
    table,
    (columns) =>
      `INSERT INTO ${quote(getTableName(table))} (${columns.map(([, c]) => quote(c.name)).join(', ')}) ` +
      `VALUES (${columns.map(() => '?').join(', ')}) ON CONFLICT DO NOTHING`,
  ).run(row as Record<string, unknown>);
}

/** Delete the rows whose `column` equals `value`. */
export function deleteRowsWhere(tx: ProjectionTx, table: SQLiteTable, column: SQLiteColumn, value: string): void {
  tx.prepared(`delete:${nameOf(table)}:${column.name}`, () =>
    tx.sqlite.prepare<[string]>(`DELETE FROM ${quote(getTableName(table))} WHERE ${quote(column.name)} = ?`),
  ).run(value);
}
