/**
 * The searchable keys of a patient record, and the normal form a typed query is put in to meet
 * them. Pure: the projection (db/) writes these keys, the search service (electron/) reads them,
 * and both must agree on every character.
 */
import { nameSearchKeys } from '../pinyin/name-keys';

/** One-letter kinds keep a ten-million-row index small; `SEARCH_KEY_LABELS` says what each is. */
export type SearchKeyKind = 'n' | 'i' | 'f' | 'd' | 'r' | 'p' | 'q' | 'c' | 'm';

export const SEARCH_KEY_LABELS = {
  n: 'name',
  i: 'pinyin_initials',
  f: 'pinyin_full',
  d: 'id_number',
  r: 'id_number_suffix',
  p: 'phone',
  q: 'phone_suffix',
  c: 'card',
  m: 'insurance_number',
} as const satisfies Record<SearchKeyKind, string>;

export interface SearchKey {
  readonly kind: SearchKeyKind;
  readonly value: string;
}

/** What of a patient document the keys are made from (a subset of `PatientDoc`). */
export interface SearchablePatient {
  readonly name: string;
  readonly id_number?: string;
  readonly phone?: string;
  readonly cards: ReadonlyArray<{ readonly number: string }>;
  readonly insurance?: { readonly number?: string };
}

/** A name as a key: no spaces (an IME or a card may add them), otherwise as written. */
export function nameKey(text: string): string {
  return text.replace(/[\s\u3000]+/g, '');
}

/** Card, insurance and ID-document numbers: upper case, no spaces or hyphens, full width folded. */
export function numberKey(text: string): string {
  return text
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u3000-]+/g, '')
    .toUpperCase();
}

/** A phone number as a key: its digits only, so 0371-63456789 and 037163456789 meet. */
export function phoneKey(text: string): string {
  return text.replace(/\D+/g, '');
}

export function reversed(text: string): string {
  return Array.from(text).reverse().join('');
}

export function patientSearchKeys(patient: SearchablePatient): SearchKey[] {
  const keys = new Map<string, SearchKey>();
  const add = (kind: SearchKeyKind, value: string): void => {
    if (value.length > 0) keys.set(`${kind}\u0000${value}`, { kind, value });
  };
  const name = nameKey(patient.name);
  add('n', name);
  const pinyin = nameSearchKeys(name);
  add('i', pinyin.initials);
  add('f', pinyin.full);
  for (const variant of pinyin.variants) {
    add('i', variant.initials);
    add('f', variant.full);
  }
  if (patient.id_number) {
    const id = numberKey(patient.id_number);
    add('d', id);
    add('r', reversed(id));
  }
  if (patient.phone) {
    const digits = phoneKey(patient.phone);
    add('p', digits);
    add('q', reversed(digits));
  }
  for (const card of patient.cards) add('c', numberKey(card.number));
  if (patient.insurance?.number) add('m', numberKey(patient.insurance.number));
  return [...keys.values()];
}

/** `YYYY-MM-DD` → YYYYMMDD as a number: the rank of a key (later is greater). */
export function dateRank(isoDate: string): number {
  return Number(isoDate.slice(0, 4)) * 10_000 + Number(isoDate.slice(5, 7)) * 100 + Number(isoDate.slice(8, 10));
}
