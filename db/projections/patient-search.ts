/**
 * Rows of `patient_search_keys` (see db/schema/patient-search.ts): written by the patient projector
 * from the document, their rank refreshed by the encounter projector when a visit comes or goes.
 * The rank depends on the encounters table, so a rebuild, which replays documents in id order
 * (encounters before patients), ends with the same ranks as the write path.
 */
import { chinaDateOf } from '../../shared/identity/dates';
import { dateRank, patientSearchKeys, type SearchablePatient } from '../../shared/search/patient-keys';
import type { ProjectionTx } from './types';

function latestVisitDate(tx: ProjectionTx, patientId: string): string | null {
  const statement = tx.prepared('search.latest_visit', () =>
    tx.sqlite.prepare<[string], string | null>('SELECT max(visit_date) FROM encounters WHERE patient_id = ?').pluck(),
  );
  return statement.get(patientId) ?? null;
}

/** Recency of a patient: the latest visit day, or the day the record was made (China time). */
function rankOf(tx: ProjectionTx, patientId: string, createdAt: string): number {
  const created = dateRank(chinaDateOf(new Date(createdAt)));
  const visited = latestVisitDate(tx, patientId);
  return visited === null ? created : Math.max(created, dateRank(visited));
}

export function writeSearchKeys(tx: ProjectionTx, patientId: string, patient: SearchablePatient & { readonly created_at: string }, replacing: boolean): void {
  if (replacing) deleteSearchKeys(tx, patientId);
  const rank = rankOf(tx, patientId, patient.created_at);
  const keys = patientSearchKeys(patient);
  if (keys.length === 0) return;
  // One statement for all of a patient's keys (about ten): a statement run is a native call with
  // its own bind, step and reset, and the keys of one patient always go together.
  const insert = tx.prepared(`search.insert.${keys.length}`, () =>
    tx.sqlite.prepare<unknown[]>(
      `INSERT OR IGNORE INTO patient_search_keys (kind, value, rank, patient_id) VALUES ${Array.from({ length: keys.length }, () => '(?, ?, ?, ?)').join(', ')}`,
    ),
  );
  const values: unknown[] = [];
  for (const key of keys) values.push(key.kind, key.value, rank, patientId);
  insert.run(values);
}

export function deleteSearchKeys(tx: ProjectionTx, patientId: string): void {
  tx.prepared('search.delete', () => tx.sqlite.prepare<[string]>('DELETE FROM patient_search_keys WHERE patient_id = ?')).run(patientId);
}

/** After a visit of `patientId` was written or removed: move the patient's keys to the new rank. */
export function refreshSearchRank(tx: ProjectionTx, patientId: string): void {
  const createdAt = tx
    .prepared('search.patient_created', () => tx.sqlite.prepare<[string], string>('SELECT created_at FROM patients WHERE id = ?').pluck())
    .get(patientId);
  if (createdAt === undefined) return; // the patient has not arrived yet; its projection will rank it
  const rank = rankOf(tx, patientId, createdAt);
  tx.prepared('search.rerank', () =>
    tx.sqlite.prepare<[number, string, number]>('UPDATE patient_search_keys SET rank = ? WHERE patient_id = ? AND rank <> ?'),
  ).run(rank, patientId, rank);
}

/** The patient an encounter row currently belongs to (before it is replaced or removed). */
export function encounterPatientId(tx: ProjectionTx, encounterId: string): string | undefined {
  return tx
    .prepared('search.encounter_patient', () => tx.sqlite.prepare<[string], string>('SELECT patient_id FROM encounters WHERE id = ?').pluck())
    .get(encounterId);
}
