import { eq, sql } from 'drizzle-orm';
import type { ClinicOrm } from '../orm';
import { counters } from '../schema';
import { deriveCountersFromRecord, type CounterRecovery } from './counter-recovery';

/** Local counters (`counters`): never replicated. */
export function counterQueries(db: ClinicOrm) {
  return {
    /**
     * The next value of a local counter (1 for a new one): one statement, so two callers never get the
     * same number. Name counters by what they number and their period, e.g. `visit:20250301`.
     */
    next(name: string): number {
      const row = db
        .insert(counters)
        .values({ name, value: 1 })
        .onConflictDoUpdate({ target: counters.name, set: { value: sql`${counters.value} + 1` } })
        .returning({ value: counters.value })
        .get();
      return row.value;
    },

    /** The last value handed out, or 0. */
    current(name: string): number {
      return db.select({ value: counters.value }).from(counters).where(eq(counters.name, name)).get()?.value ?? 0;
    },

    /** After a restore: counters raised past what the recovered record holds (counter-recovery.ts). */
    raiseFromRecord(): CounterRecovery {
      return deriveCountersFromRecord(db);
    },
  };
}
