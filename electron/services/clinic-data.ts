import type { DocumentStoreApi, StoredDocument } from '../../db/store/types';
import type { DocumentType } from '../../shared/docs';
import type { Role } from '../../shared/permissions';
import type { EncounterQueries, PatientQueries } from './registration-data';

export interface DepartmentRow {
  readonly code: string;
  readonly name: string;
  readonly outpatient: boolean;
  readonly active: boolean;
}

export interface UserRow {
  readonly username: string;
  readonly displayName: string;
  readonly roles: Role[];
  readonly departmentCodes: string[];
  readonly active: boolean;
}

/**
 * What the services need from the database: the document store for writes and document reads,
 * and a few projection queries. Bootstrap binds it to `db/`; services never see SQL.
 */
export interface ClinicData {
  readonly store: DocumentStoreApi;
  readonly dataDir: string;
  listDepartments(options?: { outpatientOnly?: boolean }): DepartmentRow[];
  listUsers(): UserRow[];
  countUsers(): number;
  getMeta(key: string): string | null;
  setMeta(key: string, value: string): void;
  nextCounter(name: string): number;
  readonly patients: PatientQueries;
  readonly encounters: EncounterQueries;
  /**
   * Loads many documents into a database nobody is using yet (demo data, benchmarks): `load`
   * writes documents only, then every projection is rebuilt once, its indexes built at the end
   * (db/projections/rebuild.ts). The rebuild runs even if `load` fails, so the projections always
   * match the documents afterwards.
   */
  bulkLoad<T>(load: () => Promise<T>, onRebuild?: (progress: { done: number; total: number }) => void): Promise<T>;
  /** After a restore: this PC's counters (visit numbers, audit sequence) raised past what the record holds. */
  raiseCountersFromRecord(): void;
}

/** The fields every document written by this workstation carries. */
export function documentStamp(clinicCode: string, actor: string, at: Date = new Date()) {
  const iso = at.toISOString();
  return { schema_version: 1 as const, clinic_code: clinicCode, created_at: iso, created_by: actor, updated_at: iso, updated_by: actor };
}

/** Reads a document and checks it is of the expected type. */
export function getTyped(store: DocumentStoreApi, id: string, type: DocumentType): StoredDocument | null {
  const doc = store.get(id);
  return doc && doc.type === type ? doc : null;
}
