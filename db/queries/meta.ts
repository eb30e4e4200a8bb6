import { eq } from 'drizzle-orm';
import type { ClinicOrm } from '../orm';
import { meta } from '../schema';

/** Keys of local, non-replicated settings. */
export const META_KEYS = {
  /** This workstation's short code, part of its visit numbers and audit chain (`^[A-Z0-9]{1,8}$`). */
  workstationId: 'workstation_id',
} as const;

/** Local settings of this PC (`meta`): never replicated. */
export function metaQueries(db: ClinicOrm) {
  return {
    get(key: string): string | null {
      return db.select({ value: meta.value }).from(meta).where(eq(meta.key, key)).get()?.value ?? null;
    },

    set(key: string, value: string): void {
      db.insert(meta).values({ key, value }).onConflictDoUpdate({ target: meta.key, set: { value } }).run();
    },
  };
}
