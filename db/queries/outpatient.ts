import { and, asc, desc, eq, gte, inArray, lte, ne, or } from 'drizzle-orm';
import type { ClinicOrm } from '../orm';
import { encounters, noteDiagnoses, noteTemplates, outpatientNotes, prescriptions } from '../schema';

export type NoteRow = typeof outpatientNotes.$inferSelect;
export type NoteDiagnosisRow = typeof noteDiagnoses.$inferSelect;
export type PrescriptionRow = typeof prescriptions.$inferSelect;
export type NoteTemplateRow = typeof noteTemplates.$inferSelect;

/** Reads of the doctor's workstation: notes, their diagnoses, prescriptions, templates, the 门诊日志's visits. */
export function outpatientQueries(db: ClinicOrm) {
  return {
    /** The notes of one visit, newest first (normally one). */
    notesOfEncounter(encounterId: string): NoteRow[] {
      return db.select().from(outpatientNotes).where(eq(outpatientNotes.encounterId, encounterId)).orderBy(desc(outpatientNotes.visitAt)).all();
    },

    /** The notes of some patients (a record and those merged into it), newest first. */
    notesOfPatients(patientIds: ReadonlyArray<string>): NoteRow[] {
      if (patientIds.length === 0) return [];
      return db
        .select()
        .from(outpatientNotes)
        .where(inArray(outpatientNotes.patientId, [...patientIds]))
        .orderBy(desc(outpatientNotes.visitAt), desc(outpatientNotes.id))
        .all();
    },

    notesOfEncounters(encounterIds: ReadonlyArray<string>): NoteRow[] {
      if (encounterIds.length === 0) return [];
      return db
        .select()
        .from(outpatientNotes)
        .where(inArray(outpatientNotes.encounterId, [...encounterIds]))
        .all();
    },

    /** The coded diagnoses of some notes, in each note's order. */
    diagnosesOf(noteIds: ReadonlyArray<string>): NoteDiagnosisRow[] {
      if (noteIds.length === 0) return [];
      return db
        .select()
        .from(noteDiagnoses)
        .where(inArray(noteDiagnoses.noteId, [...noteIds]))
        .orderBy(asc(noteDiagnoses.noteId), asc(noteDiagnoses.seq))
        .all();
    },

    prescriptionsOfEncounter(encounterId: string): PrescriptionRow[] {
      return db
        .select()
        .from(prescriptions)
        .where(and(eq(prescriptions.encounterId, encounterId), ne(prescriptions.status, 'void')))
        .orderBy(asc(prescriptions.createdAt))
        .all();
    },

    prescriptionsOfPatients(patientIds: ReadonlyArray<string>): PrescriptionRow[] {
      if (patientIds.length === 0) return [];
      return db
        .select()
        .from(prescriptions)
        .where(and(inArray(prescriptions.patientId, [...patientIds]), ne(prescriptions.status, 'void')))
        .orderBy(desc(prescriptions.createdAt))
        .all();
    },

    /** A doctor's own templates and those of their departments, not retired, by name. */
    templatesFor(username: string, departmentCodes: ReadonlyArray<string>): NoteTemplateRow[] {
      const mine = and(eq(noteTemplates.scope, 'personal'), eq(noteTemplates.ownerUsername, username));
      const departments =
        departmentCodes.length > 0 ? and(eq(noteTemplates.scope, 'department'), inArray(noteTemplates.departmentCode, [...departmentCodes])) : undefined;
      return db
        .select()
        .from(noteTemplates)
        .where(and(eq(noteTemplates.retired, false), departments ? or(mine, departments) : mine))
        .orderBy(asc(noteTemplates.scope), asc(noteTemplates.name))
        .all();
    },

    /** Visits of a range of days not cancelled (the 门诊日志), optionally of one department, in time order. */
    visitsBetween(from: string, to: string, departmentCode?: string): Array<typeof encounters.$inferSelect> {
      return db
        .select()
        .from(encounters)
        .where(
          and(
            gte(encounters.visitDate, from),
            lte(encounters.visitDate, to),
            ne(encounters.status, 'cancelled'),
            departmentCode ? eq(encounters.departmentCode, departmentCode) : undefined,
          ),
        )
        .orderBy(asc(encounters.visitDate), asc(encounters.registeredAt), asc(encounters.id))
        .all();
    },
  };
}
