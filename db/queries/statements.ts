import type Database from 'better-sqlite3';
import type { ClinicOrm } from '../orm';

/**
 * Raw prepared statements for the hot read paths (search while typing): built once per connection
 * and reused. A drizzle query built per call costs tens of microseconds; these cost one or two.
 */
const cache = new WeakMap<Database.Database, Map<string, Database.Statement>>();

export function statement<P extends unknown[], R>(db: ClinicOrm, source: string): Database.Statement<P, R> {
  const sqlite = db.$client;
  let byText = cache.get(sqlite);
  if (!byText) cache.set(sqlite, (byText = new Map()));
  let prepared = byText.get(source);
  if (!prepared) byText.set(source, (prepared = sqlite.prepare(source)));
  return prepared as unknown as Database.Statement<P, R>;
}
