import { desc, eq } from 'drizzle-orm';
import type { ClinicOrm } from '../orm';
import { auditEvents } from '../schema';

export type AuditEventRow = typeof auditEvents.$inferSelect;

export function auditEventQueries(db: ClinicOrm) {
  return {
    /** The newest event of a workstation's chain (highest seq): where the next event links on. */
    lastOf(workstation: string): AuditEventRow | undefined {
      return db.select().from(auditEvents).where(eq(auditEvents.workstation, workstation)).orderBy(desc(auditEvents.seq)).limit(1).get();
    },
  };
}
