/**
 * Guesses what a front-desk search-box query is, so the search can look in the right index first.
 * The order of the checks is the order of specificity: a visit number or a full ID number has a
 * shape nothing else shares; short digit strings are the most ambiguous and come last.
 */
import { checkPhone } from '../identity/phone';
import { validateResidentId } from '../identity/resident-id';
import { isPinyinSpelling } from './syllables';

export type SearchQuery =
  | { readonly kind: 'empty' }
  /** A whole ID number; `value` is the 18-character form (a 15-digit number converted). */
  | { readonly kind: 'id_number'; readonly match: 'full'; readonly value: string; readonly valid: boolean }
  /** The last 4–6 characters of an ID number ("身份证后四位"), upper-case X. */
  | { readonly kind: 'id_number'; readonly match: 'suffix'; readonly value: string }
  /** A mobile number (11 digits) or a landline with its area code, normalised as by checkPhone. */
  | { readonly kind: 'phone'; readonly value: string }
  /** Another card or insurance number: letters and digits, upper case. */
  | { readonly kind: 'card'; readonly value: string }
  /** A 门诊号 `<workstation>-<YYYYMMDD>-<seq>`, upper case. */
  | { readonly kind: 'visit_number'; readonly value: string }
  /**
   * Latin letters: `initials` when it cannot be whole syllables (stf), `full` when it cannot be
   * initials (no initial is i, u or v: "xian"), `either` when both are possible ("an", "wang").
   */
  | { readonly kind: 'pinyin'; readonly form: 'initials' | 'full' | 'either'; readonly value: string }
  /** Contains Chinese characters: a name or part of one. */
  | { readonly kind: 'name'; readonly value: string }
  | { readonly kind: 'other'; readonly value: string };

/** Same pattern as `visit_number` in shared/docs/encounter.ts. */
const VISIT_NUMBER = /^[A-Z0-9]{1,8}-\d{8}-\d{4,}$/;
const HAN = /\p{Script=Han}/u;
/**
 * Initials of a name: letters that begin some pinyin syllable (all but i, u and v), one per
 * character of a name of at most four characters (two-character surname + two-character given name).
 */
const INITIAL_LETTERS = /^[a-hj-tw-z]{1,4}$/;
/** Card and insurance numbers are longer than this; shorter digit strings say too little to search. */
const MIN_CARD_LENGTH = 5;

/** Full-width ASCII (typed with the IME in full-width mode) to half-width; ideographic space to space. */
function halfWidth(text: string): string {
  return text.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

export function queryKind(text: string): SearchQuery {
  const trimmed = halfWidth(text).trim();
  if (trimmed.length === 0) return { kind: 'empty' };
  const compact = trimmed.replace(/\s+/g, '');
  const upper = compact.toUpperCase();

  if (VISIT_NUMBER.test(upper)) return { kind: 'visit_number', value: upper };
  if (HAN.test(compact)) return { kind: 'name', value: compact };

  if (/^\d{17}[\dX]$/.test(upper)) {
    const parsed = validateResidentId(upper);
    return { kind: 'id_number', match: 'full', value: upper, valid: parsed.ok };
  }
  if (/^\d{15}$/.test(upper)) {
    const parsed = validateResidentId(upper);
    // A 15-digit string that is not a plausible legacy ID is more likely a card number.
    if (parsed.ok) return { kind: 'id_number', match: 'full', value: parsed.id18, valid: true };
    return { kind: 'card', value: upper };
  }
  if (/^\d{3,5}[\dX]$/.test(upper)) return { kind: 'id_number', match: 'suffix', value: upper };

  if (/^[\d+\-()]+$/.test(compact)) {
    const phone = checkPhone(compact);
    // A bare 7–8 digit local number is as likely a card number; only numbers that cannot be
    // anything but a phone (mobile, or landline with area code) are routed to the phone index.
    if (phone.ok && (phone.kind === 'mobile' || phone.normalized.startsWith('0'))) return { kind: 'phone', value: phone.normalized };
  }
  if (/^[A-Z0-9-]+$/.test(upper) && /\d/.test(upper) && upper.length >= MIN_CARD_LENGTH) return { kind: 'card', value: upper.replace(/-/g, '') };

  if (/^[a-zA-Z'üÜ]+$/.test(compact)) {
    const letters = compact.toLowerCase().replace(/'/g, '').replace(/ü/g, 'v');
    const full = isPinyinSpelling(letters);
    const initials = INITIAL_LETTERS.test(letters);
    // Neither (a foreign name such as "ivan"): matching it against the full key is the best bet.
    const form = full && initials ? 'either' : initials ? 'initials' : 'full';
    return { kind: 'pinyin', form, value: letters };
  }
  return { kind: 'other', value: compact };
}
