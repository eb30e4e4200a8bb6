import type { ClinicQueries } from '../../db/queries';
import type { DocumentStoreApi, StoredDocument } from '../../db/store/types';
import type { DocumentType } from '../../shared/docs';

/**
 * What the services need from the database: the document store for writes and document reads,
 * and the projection queries of db/queries, one object per domain (`data.patients.byId(…)`).
 * Bootstrap binds it to `db/` (electron/app/bind-data.ts); services never see SQL.
 */
export interface ClinicData extends ClinicQueries {
  readonly store: DocumentStoreApi;
  readonly dataDir: string;
  /**
   * Loads many documents into a database nobody is using yet (demo data, benchmarks): `load`
   * writes documents only, then every projection is rebuilt once, its indexes built at the end
   * (db/projections/rebuild.ts). The rebuild runs even if `load` fails, so the projections always
   * match the documents afterwards.
   */
  bulkLoad<T>(load: () => Promise<T>, onRebuild?: (progress: { done: number; total: number }) => void): Promise<T>;
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
