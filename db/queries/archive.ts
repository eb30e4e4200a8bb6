import { and, asc, count, desc, eq, getTableColumns, notExists, sql, type SQL } from 'drizzle-orm';
import type { ClinicOrm } from '../orm';
import { archiveCases, archiveChanges, encounters, outpatientNotes, patients, qcReviews, qcTasks } from '../schema';
import { sealedCaseFilter, type SealVisibility } from './archive-visibility';

export interface ArchiveQueueRow {
  readonly encounterId: string;
  readonly patientId: string;
  readonly patientName: string;
  readonly visitDate: string;
  readonly departmentCode: string;
  readonly doctorUsername: string;
  readonly visitType: string;
  readonly noteId: string;
  readonly completedAt: string | null;
}

export type ArchiveCaseRow = typeof archiveCases.$inferSelect;
export type QcReviewRow = typeof qcReviews.$inferSelect;
export type QcTaskRow = typeof qcTasks.$inferSelect;
export type ArchiveChangeRow = typeof archiveChanges.$inferSelect;

/** A case row with its patient's name, for lists. */
export type ListedCaseRow = ArchiveCaseRow & { readonly patientName: string };

const caseWithName = { ...getTableColumns(archiveCases), patientName: sql<string>`coalesce(${patients.name}, '')` };

/** Reads of the record room's projections: the archive queue, cases, QC passes and tasks, changes. */
export function archiveQueries(db: ClinicOrm) {
  const visible = (visibility: SealVisibility, ...conditions: Array<SQL | undefined>) =>
    and(...conditions, sealedCaseFilter(archiveCases.caseNumber, visibility));

  return {
    /**
     * Completed visits with a signed note and no archived case yet, oldest first (WR-17: filed the
     * first working day after the visit, so the oldest is the most overdue).
     */
    queue(limit = 500): ArchiveQueueRow[] {
      return db
        .select({
          encounterId: encounters.id,
          patientId: encounters.patientId,
          patientName: sql<string>`coalesce(${patients.name}, '')`,
          visitDate: encounters.visitDate,
          departmentCode: encounters.departmentCode,
          doctorUsername: outpatientNotes.doctorUsername,
          visitType: outpatientNotes.visitType,
          noteId: outpatientNotes.id,
          completedAt: encounters.completedAt,
        })
        .from(encounters)
        .innerJoin(outpatientNotes, and(eq(outpatientNotes.encounterId, encounters.id), eq(outpatientNotes.status, 'signed')))
        .leftJoin(patients, eq(patients.id, encounters.patientId))
        .where(
          and(
            eq(encounters.status, 'completed'),
            notExists(
              db
                .select({ one: sql`1` })
                .from(archiveCases)
                .where(eq(archiveCases.encounterId, encounters.id)),
            ),
          ),
        )
        .orderBy(asc(encounters.visitDate), asc(encounters.id))
        .limit(limit)
        .all();
    },

    reviewsOf(encounterId: string): QcReviewRow[] {
      return db.select().from(qcReviews).where(eq(qcReviews.encounterId, encounterId)).orderBy(asc(qcReviews.reviewedAt), asc(qcReviews.id)).all();
    },

    /** The latest review and the tasks of many visits at once (the queue's states). */
    reviewsOfMany(encounterIds: ReadonlyArray<string>): QcReviewRow[] {
      if (encounterIds.length === 0) return [];
      return db
        .select()
        .from(qcReviews)
        .where(sql`${qcReviews.encounterId} IN (SELECT value FROM json_each(${JSON.stringify(encounterIds)}))`)
        .orderBy(asc(qcReviews.reviewedAt))
        .all();
    },
    tasksOfMany(encounterIds: ReadonlyArray<string>): QcTaskRow[] {
      if (encounterIds.length === 0) return [];
      return db
        .select()
        .from(qcTasks)
        .where(sql`${qcTasks.encounterId} IN (SELECT value FROM json_each(${JSON.stringify(encounterIds)}))`)
        .orderBy(asc(qcTasks.createdAt))
        .all();
    },
    tasksOf(encounterId: string): QcTaskRow[] {
      return db.select().from(qcTasks).where(eq(qcTasks.encounterId, encounterId)).orderBy(asc(qcTasks.createdAt)).all();
    },

    /** A doctor's open 病案整改 tasks, oldest first. */
    openTasksOf(doctorUsername: string): QcTaskRow[] {
      return db
        .select()
        .from(qcTasks)
        .where(and(eq(qcTasks.doctorUsername, doctorUsername), eq(qcTasks.status, 'open')))
        .orderBy(asc(qcTasks.createdAt))
        .all();
    },

    caseByNumber(caseNumber: string, visibility: SealVisibility): ArchiveCaseRow | undefined {
      return db
        .select()
        .from(archiveCases)
        .where(visible(visibility, eq(archiveCases.caseNumber, caseNumber)))
        .get();
    },
    caseOfEncounter(encounterId: string): ArchiveCaseRow | undefined {
      return db.select().from(archiveCases).where(eq(archiveCases.encounterId, encounterId)).get();
    },

    /** The latest archived cases (newest first). */
    recentCases(limit: number, visibility: SealVisibility): ListedCaseRow[] {
      return db
        .select(caseWithName)
        .from(archiveCases)
        .leftJoin(patients, eq(patients.id, archiveCases.patientId))
        .where(visible(visibility))
        .orderBy(desc(archiveCases.archivedAt), desc(archiveCases.caseNumber))
        .limit(limit)
        .all();
    },

    changesOf(caseNumber: string): ArchiveChangeRow[] {
      return db.select().from(archiveChanges).where(eq(archiveChanges.caseNumber, caseNumber)).orderBy(asc(archiveChanges.requestedAt)).all();
    },
    /** Changes waiting for 医务科, of cases the user may see. */
    pendingChanges(visibility: SealVisibility): ArchiveChangeRow[] {
      return db
        .select(getTableColumns(archiveChanges))
        .from(archiveChanges)
        .innerJoin(archiveCases, eq(archiveCases.caseNumber, archiveChanges.caseNumber))
        .where(visible(visibility, eq(archiveChanges.status, 'requested')))
        .orderBy(asc(archiveChanges.requestedAt))
        .all();
    },

    /** Cases archived per month (`YYYY-MM`), of the cases the user may see. */
    archivedPerMonth(visibility: SealVisibility): Array<{ month: string; cases: number }> {
      const month = sql<string>`substr(${archiveCases.archivedAt}, 1, 7)`;
      return db.select({ month, cases: count() }).from(archiveCases).where(visible(visibility)).groupBy(month).orderBy(asc(month)).all();
    },
    gradeCounts(visibility: SealVisibility): Array<{ grade: string; cases: number }> {
      return db
        .select({ grade: archiveCases.qcGrade, cases: count() })
        .from(archiveCases)
        .where(visible(visibility))
        .groupBy(archiveCases.qcGrade)
        .orderBy(asc(archiveCases.qcGrade))
        .all();
    },
    /** Every review's defect codes (space-separated), for counting the commonest defects. */
    defectCodeLists(): string[] {
      return db
        .select({ codes: qcReviews.defectCodes })
        .from(qcReviews)
        .where(sql`${qcReviews.defectCodes} <> ''`)
        .all()
        .map((row) => row.codes);
    },
    /** How many cases the user may see. */
    caseCount(visibility: SealVisibility): number {
      return db.select({ n: count() }).from(archiveCases).where(visible(visibility)).get()?.n ?? 0;
    },
  };
}

export type ArchiveQueries = ReturnType<typeof archiveQueries>;
