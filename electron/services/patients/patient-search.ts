/**
 * The one search box. The query is classified (shared/pinyin/query-kind.ts), each reading looked up
 * in `patient_search_keys`, and the hits ranked: exact keys before prefixes, and within each group
 * the patient who came most recently first (the rank column: last visit, else registration day).
 */
import type { z } from 'zod';
import type { PatientHit, searchKind } from '../../../shared/api';
import { PATIENT_ID_SUFFIX } from '../../../shared/docs/ids';
import { chinaDateOf } from '../../../shared/identity';
import { queryKind } from '../../../shared/pinyin';
import { SEARCH_KEY_LABELS, nameKey, numberKey, phoneKey, reversed, type SearchKeyKind } from '../../../shared/search/patient-keys';
import type { ClinicData } from '../clinic-data';
import type { SearchKeyHit } from '../../../db/queries';
import { type Found, hitsFor } from './patient-hits';

type SearchKind = z.infer<typeof searchKind>;

interface Lookup {
  readonly kind: SearchKeyKind;
  readonly value: string;
  /** Also look for longer keys starting with `value`. */
  readonly prefix: boolean;
}

interface Plan {
  readonly kind: SearchKind;
  readonly lookups: ReadonlyArray<Lookup>;
  /** Hits found another way (visit number, patient barcode). */
  readonly direct?: (data: ClinicData) => Found[];
}

const PATIENT_BARCODE = new RegExp(`^PT-${PATIENT_ID_SUFFIX}$`, 'i');

/**
 * The first digits of a mobile number (138, 1391…): a prefix of the phone keys, range-scanned on
 * the key index like any other prefix. Only from three digits and a leading 1, which every mobile
 * number has; a landline's area code alone (0371) would cover a whole county.
 */
function phoneHead(digits: string): Lookup[] {
  return /^1\d{2,}$/.test(digits) ? [{ kind: 'p', value: digits, prefix: true }] : [];
}

function planFor(text: string): Plan {
  const query = queryKind(text);
  switch (query.kind) {
    case 'empty':
      return { kind: 'empty', lookups: [] };
    case 'name':
      return { kind: 'name', lookups: [{ kind: 'n', value: nameKey(query.value), prefix: true }] };
    case 'pinyin': {
      const lookups: Lookup[] = [];
      if (query.form !== 'full') lookups.push({ kind: 'i', value: query.value, prefix: true });
      if (query.form !== 'initials') lookups.push({ kind: 'f', value: query.value, prefix: true });
      return { kind: 'pinyin', lookups };
    }
    case 'id_number':
      if (query.match === 'full') return { kind: 'id_number', lookups: [{ kind: 'd', value: query.value, prefix: false }] };
      // "后四位": the tail of an ID number, or of a phone number.
      return {
        kind: 'digits',
        lookups: [
          { kind: 'r', value: reversed(query.value), prefix: true },
          ...(/^\d+$/.test(query.value) ? [{ kind: 'q' as const, value: reversed(query.value), prefix: true }, ...phoneHead(query.value)] : []),
        ],
      };
    case 'phone':
      return {
        kind: 'phone',
        lookups: [
          { kind: 'p', value: phoneKey(query.value), prefix: false },
          { kind: 'c', value: phoneKey(query.value), prefix: false },
        ],
      };
    case 'card': {
      const value = numberKey(query.value);
      const lookups: Lookup[] = [
        { kind: 'c', value, prefix: true },
        { kind: 'm', value, prefix: true },
      ];
      if (/^\d+X?$/.test(value)) lookups.push({ kind: 'd', value, prefix: true });
      if (/^\d{7,}$/.test(value)) lookups.push({ kind: 'p', value, prefix: true }, { kind: 'q', value: reversed(value), prefix: true });
      return { kind: 'card', lookups };
    }
    case 'visit_number':
      return {
        kind: 'visit_number',
        lookups: [],
        direct: (data) => data.encounters.byVisitNumber(query.value).map((e) => ({ patientId: e.patientId, key: 'visit_number', exact: true })),
      };
    case 'other': {
      const barcode = PATIENT_BARCODE.exec(query.value);
      if (barcode) {
        const id = `patient:${barcode[1].startsWith('h') ? barcode[1].toLowerCase() : barcode[1].toUpperCase()}`;
        return { kind: 'other', lookups: [], direct: () => [{ patientId: id, key: 'patient_id', exact: true }] };
      }
      // Three digits are a mobile number's head (138) or nothing: fewer say too little to search a million records by.
      if (/^\d{0,3}$/.test(query.value)) {
        const head = phoneHead(query.value);
        return { kind: head.length > 0 ? 'digits' : 'other', lookups: head };
      }
      return {
        kind: 'other',
        lookups: [
          { kind: 'c', value: numberKey(query.value), prefix: true },
          { kind: 'n', value: nameKey(query.value), prefix: true },
        ],
      };
    }
    default: {
      const unknown: never = query;
      throw new Error(`unhandled query kind ${JSON.stringify(unknown)}`);
    }
  }
}

const byRecency = (a: SearchKeyHit, b: SearchKeyHit) => b.rank - a.rank;
const asFound =
  (exact: boolean) =>
  (hit: SearchKeyHit): Found => ({ patientId: hit.patientId, key: SEARCH_KEY_LABELS[hit.kind], exact });

export interface SearchResult {
  readonly kind: SearchKind;
  readonly results: PatientHit[];
  readonly more: boolean;
}

export function searchPatients(data: ClinicData, text: string, limit: number, now: Date = new Date()): SearchResult {
  const plan = planFor(text);
  // One spare per look-up (to tell whether there is more), and a few for a person found under two
  // readings of a name; every extra row fetched costs the dense prefix plan a walk of its own.
  const fetch = limit + 1;
  const exact: SearchKeyHit[] = [];
  const prefix: SearchKeyHit[] = [];
  for (const lookup of plan.lookups) {
    exact.push(...data.patients.searchExact(lookup.kind, lookup.value, fetch));
    if (lookup.prefix) prefix.push(...data.patients.searchPrefix(lookup.kind, lookup.value, fetch + 4));
  }
  const found: Found[] = [...(plan.direct?.(data) ?? []), ...exact.sort(byRecency).map(asFound(true)), ...prefix.sort(byRecency).map(asFound(false))];
  const { hits, more } = hitsFor(data, found, chinaDateOf(now), limit);
  return { kind: plan.kind, results: hits, more };
}
