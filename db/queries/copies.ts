import { desc, eq } from 'drizzle-orm';
import type { ClinicOrm } from '../orm';
import { copyRequests, disclosures } from '../schema';
import { isCaseSealed } from './archive-visibility';

export type CopyRequestRow = typeof copyRequests.$inferSelect;
export type DisclosureRow = typeof disclosures.$inferSelect;

/** Reads of the copy-desk projections (electron/services/copies). */
export function copyQueries(db: ClinicOrm) {
  return {
    /** Sealed cases are never copied (AR-28: the sealed set stays as it was, shown only to the seal role). */
    isSealed(caseNumber: string): boolean {
      return isCaseSealed(db, caseNumber);
    },

    /** Requests by status, newest first (the copy desk shows the open ones). */
    requests(filter: { status?: string; limit?: number } = {}): CopyRequestRow[] {
      const query = db.select().from(copyRequests);
      return (filter.status ? query.where(eq(copyRequests.status, filter.status)) : query)
        .orderBy(desc(copyRequests.requestedAt), desc(copyRequests.id))
        .limit(filter.limit ?? 200)
        .all();
    },

    /** The disclosure log, newest first. */
    disclosures(filter: { patientId?: string; limit?: number } = {}): DisclosureRow[] {
      const query = db.select().from(disclosures);
      return (filter.patientId ? query.where(eq(disclosures.patientId, filter.patientId)) : query)
        .orderBy(desc(disclosures.printedAt), desc(disclosures.id))
        .limit(filter.limit ?? 200)
        .all();
    },
  };
}
