import { and, asc, eq, type SQL } from 'drizzle-orm';
import type { ClinicOrm } from '../orm';
import { departments } from '../schema';

export type DepartmentRow = typeof departments.$inferSelect;

/** Departments by code; `outpatientOnly` for the registration desk (active outpatient departments). */
export function listDepartments(db: ClinicOrm, options: { outpatientOnly?: boolean; activeOnly?: boolean } = {}): DepartmentRow[] {
  const conditions: SQL[] = [];
  if (options.outpatientOnly) conditions.push(eq(departments.outpatient, true), eq(departments.active, true));
  else if (options.activeOnly) conditions.push(eq(departments.active, true));
  return db
    .select()
    .from(departments)
    .where(conditions.length > 0 ? and(...conditions) : undefined)
    .orderBy(asc(departments.code))
    .all();
}
