import { eq, sql } from 'drizzle-orm';
import type { ClinicOrm } from '../orm';
import { counters } from '../schema';

/**
 * The next value of a local counter (1 for a new one): one statement, so two callers never get the
 * same number. Name counters by what they number and their period, e.g. `visit:20250301`.
 */
export function nextCounterValue(db: ClinicOrm, name: string): number {
  const row = db
    .insert(counters)
    .values({ name, value: 1 })
    .onConflictDoUpdate({ target: counters.name, set: { value: sql`${counters.value} + 1` } })
    .returning({ value: counters.value })
    .get();
  return row.value;
}

/** The last value handed out, or 0. */
export function currentCounterValue(db: ClinicOrm, name: string): number {
  return db.select({ value: counters.value }).from(counters).where(eq(counters.name, name)).get()?.value ?? 0;
}
