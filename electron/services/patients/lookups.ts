/**
 * Finding the patient behind a card read or a scanned insurance e-voucher. A card's own number is
 * tried first; a card seen for the first time still finds the patient by the ID number or the
 * insurance number it carries (the 社会保障号码 is, for nearly everyone, the resident ID number).
 */
import type { MatchedKey, PatientHit } from '../../../shared/api';
import { chinaDateOf } from '../../../shared/identity';
import { numberKey } from '../../../shared/search/patient-keys';
import type { ClinicData } from '../clinic-data';
import type { PatientRow } from '../../../db/queries';
import { storedIdNumber } from './duplicates';
import { hitsFor } from './patient-hits';

export interface LookupResult {
  readonly matchedBy: MatchedKey | null;
  readonly matches: PatientHit[];
}

const MAX_MATCHES = 20;

type Attempt = readonly [MatchedKey, () => ReadonlyArray<PatientRow | string>];

function firstMatch(data: ClinicData, attempts: ReadonlyArray<Attempt>, now: Date): LookupResult {
  for (const [key, find] of attempts) {
    const ids = find().map((row) => (typeof row === 'string' ? row : row.id));
    if (ids.length === 0) continue;
    const { hits } = hitsFor(
      data,
      ids.map((patientId) => ({ patientId, key, exact: true })),
      chinaDateOf(now),
      MAX_MATCHES,
    );
    if (hits.length > 0) return { matchedBy: key, matches: hits };
  }
  return { matchedBy: null, matches: [] };
}

const byInsurance = (data: ClinicData, text: string): Attempt => {
  const number = numberKey(text);
  return [
    'insurance_number',
    () => [...data.patients.byInsuranceNumber(number), ...data.patients.searchExact('m', number, MAX_MATCHES).map((h) => h.patientId)],
  ];
};

export function lookupByCard(
  data: ClinicData,
  input: { kind: string; number: string; idNumber?: string; insuranceNumber?: string },
  now = new Date(),
): LookupResult {
  const number = numberKey(input.number);
  const attempts: Attempt[] = [
    ['card', () => [...data.patients.byCard(input.kind, number), ...data.patients.searchExact('c', number, MAX_MATCHES).map((h) => h.patientId)]],
  ];
  const idNumber = input.idNumber?.trim();
  if (idNumber) attempts.push(['id_number', () => data.patients.byIdNumber(storedIdNumber(idNumber))]);
  if (input.insuranceNumber?.trim()) attempts.push(byInsurance(data, input.insuranceNumber));
  return firstMatch(data, attempts, now);
}

export function lookupByInsuranceNumber(data: ClinicData, insuranceNumber: string, now = new Date()): LookupResult {
  return firstMatch(data, [byInsurance(data, insuranceNumber), ['id_number', () => data.patients.byIdNumber(storedIdNumber(insuranceNumber))]], now);
}
