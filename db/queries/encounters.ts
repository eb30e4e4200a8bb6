import { and, asc, count, desc, eq, inArray, type SQL } from 'drizzle-orm';
import type { ClinicOrm } from '../orm';
import { encounters } from '../schema';
import { statement } from './statements';

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

export interface LatestVisit {
  readonly patientId: string;
  readonly visitDate: string;
  readonly departmentCode: string;
  readonly visitNumber: string;
}

/** A patient's latest visit (cancelled ones too: the person did come to the desk), or undefined. */
export function findLatestVisit(db: ClinicOrm, patientId: string): LatestVisit | undefined {
  const row = statement<[string], { visit_date: string; department_code: string; visit_number: string }>(
    db,
    'SELECT visit_date, department_code, visit_number FROM encounters WHERE patient_id = ? ORDER BY visit_date DESC, registered_at DESC, id DESC LIMIT 1',
  ).get(patientId);
  return row && { patientId, visitDate: row.visit_date, departmentCode: row.department_code, visitNumber: row.visit_number };
}

/** Visits with this 门诊号 (one, unless two workstations were misconfigured with one code). */
export function findEncountersByVisitNumber(db: ClinicOrm, visitNumber: string): EncounterRow[] {
  return db.select().from(encounters).where(eq(encounters.visitNumber, visitNumber)).orderBy(asc(encounters.id)).all();
}

export function findEncounterById(db: ClinicOrm, id: string): EncounterRow | undefined {
  return db.select().from(encounters).where(eq(encounters.id, id)).get();
}

/** The latest visits of some patients (a record and those merged into it), newest first. */
export function listRecentEncountersOfPatients(db: ClinicOrm, patientIds: ReadonlyArray<string>, limit: number): EncounterRow[] {
  if (patientIds.length === 0) return [];
  return db
    .select()
    .from(encounters)
    .where(inArray(encounters.patientId, [...patientIds]))
    .orderBy(desc(encounters.visitDate), desc(encounters.registeredAt), desc(encounters.id))
    .limit(limit)
    .all();
}

/** A day's visits with optional filters, in registration order. */
export function listEncountersOfDay(
  db: ClinicOrm,
  visitDate: string,
  filters: { readonly departmentCode?: string; readonly doctorUsername?: string; readonly status?: string } = {},
): EncounterRow[] {
  const conditions: SQL[] = [eq(encounters.visitDate, visitDate)];
  if (filters.departmentCode) conditions.push(eq(encounters.departmentCode, filters.departmentCode));
  if (filters.doctorUsername) conditions.push(eq(encounters.doctorUsername, filters.doctorUsername));
  if (filters.status) conditions.push(eq(encounters.status, filters.status));
  return db
    .select()
    .from(encounters)
    .where(and(...conditions))
    .orderBy(asc(encounters.registeredAt), asc(encounters.id))
    .all();
}
