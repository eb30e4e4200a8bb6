import { normalizeIdText, RESIDENT_ID_MESSAGES, validateResidentId } from '../../../../shared/identity/resident-id';

export interface IdNumberFeedback {
  readonly error: string | null;
  readonly hint: string | null;
  /** Set once the number is whole and valid (GB 11643): what the form fills in from it. */
  readonly parsed: { readonly id18: string; readonly birthDate: string; readonly sex: '1' | '2'; readonly legacy: boolean } | null;
}

const NOTHING: IdNumberFeedback = { error: null, hint: null, parsed: null };

/** Document types that carry the citizen ID number (居民身份证, 户口簿). Others are not checked. */
export function idTypeUsesResidentNumber(idType: string): boolean {
  return idType === '' || idType === '01' || idType === '02';
}

/**
 * Checks an ID number while it is typed. Wrong characters show at once; a length mistake only once
 * the field is left (`final`) or the number is too long; an 18-character number is checked whole
 * (date, check digit) as soon as the last character is in. 15 digits could be a legacy number or
 * an 18-digit one being typed, so they are judged only when the field is left.
 */
export function idNumberFeedback(text: string, options: { readonly final: boolean; readonly today?: string }): IdNumberFeedback {
  const id = normalizeIdText(text);
  if (id.length === 0) return NOTHING;
  if (!/^\d*X?$/.test(id) || (id.includes('X') && id.length !== 18)) return { error: RESIDENT_ID_MESSAGES.bad_characters, hint: null, parsed: null };
  const whole = id.length === 18 || (id.length === 15 && options.final);
  if (!whole) {
    if (id.length > 18 || options.final) return { error: RESIDENT_ID_MESSAGES.bad_length(id.length), hint: null, parsed: null };
    return { error: null, hint: `已输入 ${id.length} 位`, parsed: null };
  }
  const result = validateResidentId(id, options.today === undefined ? {} : { today: options.today });
  if (!result.ok) return { error: result.message, hint: null, parsed: null };
  return { error: null, hint: null, parsed: { id18: result.id18, birthDate: result.birthDate, sex: result.sex, legacy: result.legacy } };
}
