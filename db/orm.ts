import type Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import type { BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import * as schema from './schema';

/** Drizzle over the clinic database's one connection, typed by every table in db/schema. */
export type ClinicOrm = BetterSQLite3Database<typeof schema> & { readonly $client: Database.Database };

export function createOrm(sqlite: Database.Database): ClinicOrm {
  return drizzle({ client: sqlite, schema });
}
