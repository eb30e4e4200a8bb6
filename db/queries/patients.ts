import { and, asc, count, eq, isNull, sql } from 'drizzle-orm';
import type { ClinicOrm } from '../orm';
import { patientCards, patients } from '../schema';

export type PatientRow = typeof patients.$inferSelect;

/** Patients in the index; records absorbed by a merge are left out unless asked for. */
export function countPatients(db: ClinicOrm, options: { includeMerged?: boolean } = {}): number {
  const query = db.select({ n: count() }).from(patients);
  return (options.includeMerged ? query : query.where(isNull(patients.mergedInto))).get()?.n ?? 0;
}

const byId = (db: ClinicOrm) =>
  db
    .select()
    .from(patients)
    .where(eq(patients.id, sql.placeholder('id')))
    .prepare();
const preparedById = new WeakMap<ClinicOrm, ReturnType<typeof byId>>();

export function findPatientById(db: ClinicOrm, id: string): PatientRow | undefined {
  let statement = preparedById.get(db);
  if (!statement) preparedById.set(db, (statement = byId(db)));
  return statement.get({ id });
}

export function findPatientsByIdNumber(db: ClinicOrm, idNumber: string): PatientRow[] {
  return db.select().from(patients).where(eq(patients.idNumber, idNumber)).orderBy(asc(patients.id)).all();
}

export function findPatientsByPhone(db: ClinicOrm, phone: string): PatientRow[] {
  return db.select().from(patients).where(eq(patients.phone, phone)).orderBy(asc(patients.id)).all();
}

/** Patients who presented this card (card reader, barcode). */
export function findPatientsByCard(db: ClinicOrm, kind: string, number: string): PatientRow[] {
  return db
    .select({ patient: patients })
    .from(patientCards)
    .innerJoin(patients, eq(patients.id, patientCards.patientId))
    .where(and(eq(patientCards.kind, kind), eq(patientCards.number, number)))
    .orderBy(asc(patients.id))
    .all()
    .map((row) => row.patient);
}

/** Same name, birth date and sex (one of the duplicate rules); uses `patients_name_idx`. */
export function findPatientsByNameAndBirth(db: ClinicOrm, name: string, birthDate: string, sex: string): PatientRow[] {
  return db
    .select()
    .from(patients)
    .where(and(eq(patients.name, name), eq(patients.birthDate, birthDate), eq(patients.sex, sex)))
    .orderBy(asc(patients.id))
    .all();
}

/** Records a merge absorbed into `survivorId`. */
export function findPatientsMergedInto(db: ClinicOrm, survivorId: string): PatientRow[] {
  return db.select().from(patients).where(eq(patients.mergedInto, survivorId)).orderBy(asc(patients.id)).all();
}

/** Patients by id, in no particular order; missing ids are left out. */
export function findPatientsByIds(db: ClinicOrm, ids: ReadonlyArray<string>): PatientRow[] {
  return ids.map((id) => findPatientById(db, id)).filter((row): row is PatientRow => row !== undefined);
}

/** Patients with this insurance number (医保号), as stored. */
export function findPatientsByInsuranceNumber(db: ClinicOrm, insuranceNumber: string): PatientRow[] {
  return db.select().from(patients).where(eq(patients.insuranceNumber, insuranceNumber)).orderBy(asc(patients.id)).all();
}
