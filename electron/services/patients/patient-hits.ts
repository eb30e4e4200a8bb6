/** Turns patient ids found by a look-up into the list lines the registrar sees. */
import type { MatchedKey, PatientHit } from '../../../shared/api';
import type { PatientDoc } from '../../../shared/docs/patient';
import { maskIdNumber } from '../../../shared/identity';
import type { ClinicData } from '../clinic-data';
import type { PatientRow } from '../../../db/queries';
import { loadDivisionIndex } from '../reference/code-sets';
import { ageOn, maskPhone, sexLabel } from './display';

export interface Found {
  readonly patientId: string;
  readonly key: MatchedKey;
  readonly exact: boolean;
}

/** How far a chain of merges is followed (A into B, B into C …) before giving up. */
const MAX_MERGE_HOPS = 8;

/** The record that stands for `row` now: itself, or the survivor of the merge(s) that absorbed it. */
export function survivorOf(data: ClinicData, row: PatientRow): PatientRow {
  let current = row;
  for (let hop = 0; hop < MAX_MERGE_HOPS && current.mergedInto; hop += 1) {
    const next = data.patients.byId(current.mergedInto);
    if (!next) break;
    current = next;
  }
  return current;
}

export function departmentNames(data: ClinicData): Map<string, string> {
  return new Map(data.departments.list().map((d) => [d.code, d.name]));
}

/**
 * The finest named level of the address (the township, or the county when no township was chosen)
 * followed by what was written below it (the village, the house): the part that differs between
 * neighbours; the province and prefecture are the same for almost everyone a clinic sees.
 */
export function placeOf(row: Pick<PatientRow, 'divisionCode' | 'addressDetail'>): string | null {
  const path = row.divisionCode ? loadDivisionIndex().divisionPath(row.divisionCode) : [];
  const parts = [path.at(-1), row.addressDetail?.trim()].filter((part): part is string => part !== undefined && part !== '');
  return parts.length === 0 ? null : parts.join(' ');
}

export function hitOf(
  data: ClinicData,
  row: PatientRow,
  matched: { key: MatchedKey; exact: boolean },
  today: string,
  departments: ReadonlyMap<string, string>,
): PatientHit {
  const age = ageOn(row.birthDate, today);
  const visit = data.patients.latestVisit(row.id);
  return {
    id: row.id,
    name: row.name,
    sex: row.sex as PatientDoc['sex'],
    sexLabel: sexLabel(row.sex),
    birthDate: row.birthDate,
    age: age.years,
    ageText: age.text,
    idNumberMasked: row.idNumber ? maskIdNumber(row.idNumber) : null,
    phoneMasked: maskPhone(row.phone),
    place: placeOf(row),
    matched,
    lastVisit: visit
      ? {
          date: visit.visitDate,
          departmentCode: visit.departmentCode,
          departmentName: departments.get(visit.departmentCode) ?? visit.departmentCode,
          visitNumber: visit.visitNumber,
        }
      : null,
  };
}

/**
 * List lines for found ids, in the order given, each person once: a record absorbed by a merge is
 * shown as its survivor (found through the old record's card or number), ids that vanished are dropped.
 */
export function hitsFor(data: ClinicData, found: ReadonlyArray<Found>, today: string, limit: number): { hits: PatientHit[]; more: boolean } {
  const departments = departmentNames(data);
  const hits: PatientHit[] = [];
  const seen = new Set<string>();
  const looked = new Set<string>();
  let more = false;
  for (const item of found) {
    if (looked.has(item.patientId)) continue;
    looked.add(item.patientId);
    const row = data.patients.byId(item.patientId);
    if (!row) continue;
    const shown = survivorOf(data, row);
    if (seen.has(shown.id)) continue;
    if (hits.length === limit) {
      more = true;
      break;
    }
    seen.add(shown.id);
    hits.push(hitOf(data, shown, { key: item.key, exact: item.exact }, today, departments));
  }
  return { hits, more };
}
