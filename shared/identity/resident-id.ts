/**
 * 公民身份号码 (resident ID number) per GB 11643-1999:
 *
 *   6 digits address code (GB/T 2260 county where the number was first issued)
 *   8 digits birth date YYYYMMDD
 *   3 digits sequence number, odd for men and even for women
 *   1 check character, ISO 7064:1983 MOD 11-2 over the first 17 digits ('X' stands for 10)
 *
 * Numbers issued before 1999 had 15 digits: a 2-digit year and no check character. GB 11643-1999
 * converts them by inserting "19" before the year and appending the check character.
 */
import { chinaDateOf, formatIsoDate, isRealDate, parseIsoDate } from './dates';

export type ResidentIdErrorCode =
  'empty' | 'bad_characters' | 'bad_length' | 'bad_region' | 'bad_date' | 'date_before_1900' | 'date_in_future' | 'bad_check_digit';

export type ResidentIdResult =
  | {
      readonly ok: true;
      /** The 18-character number, upper-case X; a 15-digit number comes back converted. */
      readonly id18: string;
      readonly birthDate: string;
      /** GB/T 2261.1: '1' male, '2' female, from the parity of the sequence number. */
      readonly sex: '1' | '2';
      /** The address code as written in the number (not necessarily a county that exists today). */
      readonly divisionCode: string;
      /** True when the input was a 15-digit legacy number. */
      readonly legacy: boolean;
    }
  | { readonly ok: false; readonly code: ResidentIdErrorCode; readonly message: string };

/** One place for the user-facing wording. Each message says what is wrong and what to do. */
export const RESIDENT_ID_MESSAGES = {
  empty: '请输入身份证号码。',
  bad_characters: '身份证号码只能是数字，最后一位可以是字母 X，请检查是否混进了其他字母或符号。',
  bad_length: (length: number) => `身份证号码应为 18 位（旧证为 15 位），现在输入了 ${length} 位，请对照证件重新输入。`,
  bad_region: '身份证号码前两位不是有效的省级代码，请对照证件检查前 6 位。',
  bad_date: '身份证号码中的出生日期不存在（第 7 到 14 位），请对照证件检查。',
  date_before_1900: '身份证号码中的出生日期早于 1900 年，请对照证件检查第 7 到 14 位。',
  date_in_future: '身份证号码中的出生日期晚于今天，请对照证件检查第 7 到 14 位。',
  bad_check_digit: '身份证号码校验位不对，可能有数字输错或前后颠倒，请对照证件逐位核对。',
} as const;

/** ISO 7064 MOD 11-2 weights (2^(17-i) mod 11) and the character for each remainder. */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARACTERS = '10X98765432';

/**
 * Province-level codes that can open a resident ID number: the 31 mainland provinces, 71 (Taiwan),
 * and 81/82/83, used since 2018 by residence permits for Hong Kong, Macao and Taiwan residents,
 * which follow the same GB 11643 layout. Counties are not checked here: old numbers keep the code
 * of a county that may have been merged or renamed since, so only a whole-county list could tell,
 * and that belongs to the caller (shared/codes).
 */
const PROVINCE_CODES = new Set([
  '11',
  '12',
  '13',
  '14',
  '15',
  '21',
  '22',
  '23',
  '31',
  '32',
  '33',
  '34',
  '35',
  '36',
  '37',
  '41',
  '42',
  '43',
  '44',
  '45',
  '46',
  '50',
  '51',
  '52',
  '53',
  '54',
  '61',
  '62',
  '63',
  '64',
  '65',
  '71',
  '81',
  '82',
  '83',
]);

/** The check character for the first 17 digits. */
export function residentIdCheckCharacter(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError('residentIdCheckCharacter needs exactly 17 digits');
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += (first17.charCodeAt(i) - 48) * WEIGHTS[i];
  return CHECK_CHARACTERS[sum % 11];
}

/**
 * Turns what a person typed or a reader returned into bare ASCII: spaces (people group the digits
 * 6-8-4) dropped, full-width digits and Ｘ (an IME left in full-width mode) folded, x upper-cased.
 */
export function normalizeIdText(text: string): string {
  return text
    .replace(/[\s\u3000]+/g, '')
    .replace(/[\uFF10-\uFF19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xff10 + 48))
    .replace(/[xＸｘ]/g, 'X');
}

export interface ValidateOptions {
  /** `YYYY-MM-DD` to judge "in the future" against; defaults to today in China. */
  readonly today?: string;
}

function fail(code: Exclude<ResidentIdErrorCode, 'bad_length'>): ResidentIdResult {
  return { ok: false, code, message: RESIDENT_ID_MESSAGES[code] };
}

export function validateResidentId(text: string, options: ValidateOptions = {}): ResidentIdResult {
  const id = normalizeIdText(text);
  if (id.length === 0) return fail('empty');
  if (!/^[\dX]+$/.test(id)) return fail('bad_characters');
  if (id.length !== 18 && id.length !== 15) {
    return { ok: false, code: 'bad_length', message: RESIDENT_ID_MESSAGES.bad_length(id.length) };
  }
  // X stands for 10 only as the check character; a 15-digit number has none.
  if (!(id.length === 18 ? /^\d{17}[\dX]$/ : /^\d{15}$/).test(id)) return fail('bad_characters');

  const legacy = id.length === 15;
  const first17 = legacy ? `${id.slice(0, 6)}19${id.slice(6, 15)}` : id.slice(0, 17);
  if (!PROVINCE_CODES.has(first17.slice(0, 2))) return fail('bad_region');

  const year = Number(first17.slice(6, 10));
  const month = Number(first17.slice(10, 12));
  const day = Number(first17.slice(12, 14));
  if (!isRealDate(year, month, day)) return fail('bad_date');
  const birthDate = formatIsoDate({ year, month, day });
  if (year < 1900) return fail('date_before_1900');
  const today = options.today ?? chinaDateOf(new Date());
  // Both are zero-padded YYYY-MM-DD, so string order is date order.
  if (birthDate > today) return fail('date_in_future');

  const check = residentIdCheckCharacter(first17);
  if (!legacy && id[17] !== check) return fail('bad_check_digit');

  const sequenceLastDigit = first17.charCodeAt(16) - 48;
  return {
    ok: true,
    id18: first17 + check,
    birthDate,
    sex: sequenceLastDigit % 2 === 1 ? '1' : '2',
    divisionCode: first17.slice(0, 6),
    legacy,
  };
}

export type IdMismatchField = 'birthDate' | 'sex';

export type IdAgreement =
  { readonly ok: true } | { readonly ok: false; readonly mismatches: ReadonlyArray<{ readonly field: IdMismatchField; readonly message: string }> };

export const ID_AGREEMENT_MESSAGES = {
  birthDate: (fromId: string) => `出生日期与身份证号码不一致：号码中的出生日期是 ${fromId}，请核对后修改。`,
  sex: (fromId: '1' | '2') =>
    fromId === '1' ? '性别与身份证号码不一致：号码显示为男性，请核对后修改。' : '性别与身份证号码不一致：号码显示为女性，请核对后修改。',
} as const;

/**
 * Checks the birth date and sex typed on a form against a parsed ID number. An empty field is not a
 * mismatch (the form can fill it from the number). Sex '0' (unknown) or '9' (unstated) is a mismatch:
 * the number states the sex, so the record should carry it.
 */
export function checkIdAgainst(
  form: { readonly birthDate?: string; readonly sex?: string },
  parsed: { readonly birthDate: string; readonly sex: '1' | '2' },
): IdAgreement {
  const mismatches: Array<{ field: IdMismatchField; message: string }> = [];
  if (form.birthDate && form.birthDate !== parsed.birthDate) {
    mismatches.push({ field: 'birthDate', message: ID_AGREEMENT_MESSAGES.birthDate(parsed.birthDate) });
  }
  if (form.sex && form.sex !== parsed.sex) {
    mismatches.push({ field: 'sex', message: ID_AGREEMENT_MESSAGES.sex(parsed.sex) });
  }
  return mismatches.length === 0 ? { ok: true } : { ok: false, mismatches };
}

/**
 * Builds a valid 18-character number (for demo data and tests). The sequence's parity fixes the
 * sex: odd for men. Throws on bad input, since a caller passing it is a programming error.
 */
export function makeResidentId(divisionCode6: string, birthDate: string, seq3: number | string): string {
  if (!/^\d{6}$/.test(divisionCode6)) throw new RangeError(`division code must be 6 digits: ${divisionCode6}`);
  const date = parseIsoDate(birthDate);
  if (!date) throw new RangeError(`birth date must be a real YYYY-MM-DD date: ${birthDate}`);
  const seq = typeof seq3 === 'number' ? seq3 : Number(seq3);
  if (!Number.isInteger(seq) || seq < 0 || seq > 999 || (typeof seq3 === 'string' && !/^\d{3}$/.test(seq3))) {
    throw new RangeError(`sequence must be 0–999 or three digits: ${seq3}`);
  }
  const first17 = divisionCode6 + birthDate.replaceAll('-', '') + String(seq).padStart(3, '0');
  return first17 + residentIdCheckCharacter(first17);
}
