import { and, asc, count, desc, eq, gte, inArray, ne, type SQL } from 'drizzle-orm';
import type { ClinicOrm } from '../orm';
import { encounters } from '../schema';
import { statement } from './statements';

export type EncounterRow = typeof encounters.$inferSelect;

export interface QueuePlace {
  /**
   * 就诊序号: 1 + visits of the same department that day registered earlier, any status and whatever
   * doctor was chosen, so one department never hands out two "1号" on one day.
   */
  readonly number: number;
  /** 1 + waiting visits of the same queue (department, doctor or none) called before it (emergencies first), or null when not waiting. */
  readonly position: number | null;
}

export interface DayFilters {
  readonly departmentCode?: string;
  readonly doctorUsername?: string;
  readonly status?: string;
}

/** Reads of the visit list (`encounters`). */
export function encounterQueries(db: ClinicOrm) {
  return {
    count(options: { visitDate?: string; departmentCode?: string } = {}): number {
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
    },

    byId(id: string): EncounterRow | undefined {
      return db.select().from(encounters).where(eq(encounters.id, id)).get();
    },

    /** Visits with this 门诊号 (one, unless two workstations were misconfigured with one code). */
    byVisitNumber(visitNumber: string): EncounterRow[] {
      return db.select().from(encounters).where(eq(encounters.visitNumber, visitNumber)).orderBy(asc(encounters.id)).all();
    },

    /** A day's visits with optional filters, in registration order. */
    ofDay(visitDate: string, filters: DayFilters = {}): EncounterRow[] {
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
    },

    /** The latest visits of some patients (a record and those merged into it), newest first. */
    recentOfPatients(patientIds: ReadonlyArray<string>, limit: number): EncounterRow[] {
      if (patientIds.length === 0) return [];
      return db
        .select()
        .from(encounters)
        .where(inArray(encounters.patientId, [...patientIds]))
        .orderBy(desc(encounters.visitDate), desc(encounters.registeredAt), desc(encounters.id))
        .limit(limit)
        .all();
    },

    /** A patient's visits on one day (the double-registration check). */
    ofPatientOnDay(patientId: string, visitDate: string): EncounterRow[] {
      return db
        .select()
        .from(encounters)
        .where(and(eq(encounters.patientId, patientId), eq(encounters.visitDate, visitDate)))
        .orderBy(asc(encounters.registeredAt))
        .all();
    },

    /**
     * The latest visit of some patients (a record and those merged into it) in one department on or
     * after a day, cancelled ones left out: what a 复诊 must follow.
     */
    latestInDepartmentSince(patientIds: ReadonlyArray<string>, departmentCode: string, sinceDate: string): EncounterRow | undefined {
      if (patientIds.length === 0) return undefined;
      return db
        .select()
        .from(encounters)
        .where(
          and(
            inArray(encounters.patientId, [...patientIds]),
            eq(encounters.departmentCode, departmentCode),
            gte(encounters.visitDate, sinceDate),
            ne(encounters.status, 'cancelled'),
          ),
        )
        .orderBy(desc(encounters.visitDate), desc(encounters.registeredAt))
        .limit(1)
        .get();
    },

    /** The highest sequence among visit numbers `<prefix><seq>` (0 when none): a range of `encounters_visit_number_idx`. */
    highestSequence(prefix: string): number {
      return (
        statement<[number, string, string], number | null>(
          db,
          'SELECT max(CAST(substr(visit_number, ?) AS INTEGER)) FROM encounters WHERE visit_number > ? AND visit_number < ?',
        )
          .pluck()
          .get(prefix.length + 1, prefix, `${prefix}\u{10FFFF}`) ?? 0
      );
    },

    /** The highest centre-wide 就诊序号 (plain numbers only) known here for a department's day, or 0. */
    highestQueueNumber(date: string, departmentCode: string): number {
      return (
        statement<[string, string], number | null>(
          db,
          "SELECT max(CAST(queue_number AS INTEGER)) FROM encounters WHERE visit_date = ? AND department_code = ? AND queue_number NOT LIKE '%-%'",
        )
          .pluck()
          .get(date, departmentCode) ?? 0
      );
    },

    /** Where one visit stands in its queue, counted in SQLite (no day list read into memory). */
    queuePlace(visit: EncounterRow): QueuePlace {
      const sameDepartment = 'visit_date = @date AND department_code = @department';
      const sameQueue = `${sameDepartment} AND doctor_username IS @doctor`;
      const earlier = '(registered_at < @registeredAt OR (registered_at = @registeredAt AND id < @id))';
      const params = {
        date: visit.visitDate,
        department: visit.departmentCode,
        doctor: visit.doctorUsername,
        registeredAt: visit.registeredAt,
        id: visit.id,
        emergency: visit.visitType === 'emergency' ? 1 : 0,
      };
      const number = statement<[typeof params], number>(db, `SELECT count(*) FROM encounters WHERE ${sameDepartment} AND ${earlier}`).pluck().get(params) ?? 0;
      if (visit.status !== 'waiting') return { number: number + 1, position: null };
      const ahead =
        statement<[typeof params], number>(
          db,
          `SELECT count(*) FROM encounters WHERE ${sameQueue} AND status = 'waiting'
           AND ((visit_type = 'emergency') > @emergency OR ((visit_type = 'emergency') = @emergency AND ${earlier}))`,
        )
          .pluck()
          .get(params) ?? 0;
      return { number: number + 1, position: ahead + 1 };
    },
  };
}
