import { and, asc, count, eq, type SQL } from 'drizzle-orm';
import type { ClinicOrm } from '../orm';
import { encounters } from '../schema';

export type EncounterRow = typeof encounters.$inferSelect;

export function countEncounters(db: ClinicOrm, options: { visitDate?: string; departmentCode?: string } = {}): number {
  const conditions: SQL[] = [];
  if (options.visitDate) conditions.push(eq(encounters.visitDate, options.visitDate));
  if (options.departmentCode) conditions.push(eq(encounters.departmentCode, options.departmentCode));
  return (
    db
      .select({ n: count() })
      .from(encounters)
      .where(conditions.length > 0 ? and(...conditions) : undefined)
      .get()?.n ?? 0
  );
}

/** A day's visits, optionally for one department, in registration order. */
export function listEncountersByDate(db: ClinicOrm, visitDate: string, departmentCode?: string): EncounterRow[] {
  const condition = departmentCode ? and(eq(encounters.visitDate, visitDate), eq(encounters.departmentCode, departmentCode)) : eq(encounters.visitDate, visitDate);
  return db.select().from(encounters).where(condition).orderBy(asc(encounters.registeredAt), asc(encounters.id)).all();
}

export function listEncountersOfPatient(db: ClinicOrm, patientId: string): EncounterRow[] {
  return db.select().from(encounters).where(eq(encounters.patientId, patientId)).orderBy(asc(encounters.visitDate), asc(encounters.registeredAt)).all();
}
