import { and, asc, eq, type SQL } from 'drizzle-orm';
import type { ClinicOrm } from '../orm';
import { departments } from '../schema';

/** The columns services show and check; ids and stamps are the documents' business. */
const LISTED = { code: departments.code, name: departments.name, outpatient: departments.outpatient, active: departments.active };

export interface DepartmentRow {
  readonly code: string;
  readonly name: string;
  readonly outpatient: boolean;
  readonly active: boolean;
}

export function departmentQueries(db: ClinicOrm) {
  return {
    /** Departments by code; `outpatientOnly` for the registration desk (active outpatient departments). */
    list(options: { outpatientOnly?: boolean; activeOnly?: boolean } = {}): DepartmentRow[] {
      const conditions: SQL[] = [];
      if (options.outpatientOnly) conditions.push(eq(departments.outpatient, true), eq(departments.active, true));
      else if (options.activeOnly) conditions.push(eq(departments.active, true));
      return db
        .select(LISTED)
        .from(departments)
        .where(conditions.length > 0 ? and(...conditions) : undefined)
        .orderBy(asc(departments.code))
        .all();
    },
  };
}
