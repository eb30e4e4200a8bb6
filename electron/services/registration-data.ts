/**
 * The projection reads the patient and visit services use, bound to db/queries in
 * electron/app/bind-data.ts. Rows are the projection tables' own (read-only here).
 */
import type { EncounterRow, LatestVisit, PatientRow, QueuePlace, SearchKeyHit } from '../../db/queries';
import type { SearchKeyKind } from '../../shared/search/patient-keys';

export type { EncounterRow, LatestVisit, PatientRow, QueuePlace, SearchKeyHit };

export interface PatientQueries {
  byId(id: string): PatientRow | undefined;
  byIdNumber(idNumber: string): PatientRow[];
  byPhone(phone: string): PatientRow[];
  byNameAndBirth(name: string, birthDate: string, sex: string): PatientRow[];
  byCard(kind: string, number: string): PatientRow[];
  byInsuranceNumber(insuranceNumber: string): PatientRow[];
  mergedInto(survivorId: string): PatientRow[];
  searchExact(kind: SearchKeyKind, value: string, limit: number): SearchKeyHit[];
  searchPrefix(kind: SearchKeyKind, prefix: string, limit: number): SearchKeyHit[];
  latestVisit(patientId: string): LatestVisit | undefined;
}

export interface EncounterQueries {
  byId(id: string): EncounterRow | undefined;
  byVisitNumber(visitNumber: string): EncounterRow[];
  ofDay(date: string, filters?: { departmentCode?: string; doctorUsername?: string; status?: string }): EncounterRow[];
  recentOfPatients(patientIds: ReadonlyArray<string>, limit: number): EncounterRow[];
  /** The current revision of a visit document (for cancel), without reading the body. */
  revOf(id: string): string | undefined;
  ofPatientOnDay(patientId: string, date: string): EncounterRow[];
  /** Highest sequence among visit numbers starting with `prefix` (`W01-20250301-`), 0 when none. */
  highestSequence(prefix: string): number;
  /** Where one visit stands in its queue, without reading the day's list. */
  queuePlace(visit: EncounterRow): QueuePlace;
}
