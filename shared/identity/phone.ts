/**
 * Sanity check for mainland Chinese phone numbers as typed at the front desk. It catches typing
 * errors (a digit too many or too few, a wrong first digit); it does not prove the number is in use.
 *
 * - Mobile: 11 digits, `1[3-9]` then 9 digits (the 13x–19x blocks allocated by MIIT), optionally
 *   written with +86 / 0086 / 86 and with spaces or hyphens.
 * - Landline: long-distance prefix 0 + area code, then a 7- or 8-digit local number. Area codes
 *   are 010 and 02x (3 digits with the 0) for the big cities, otherwise 4 digits (0xxx). A local
 *   number alone (7–8 digits, not starting with 0 or 1) is accepted: village patients often give
 *   only that. An extension after "-" or "转" is kept.
 */

export type PhoneErrorCode = 'empty' | 'bad_characters' | 'bad_mobile' | 'bad_landline';

export type PhoneResult =
  | { readonly ok: true; readonly kind: 'mobile' | 'landline'; readonly normalized: string }
  | { readonly ok: false; readonly code: PhoneErrorCode; readonly message: string };

export const PHONE_MESSAGES = {
  empty: '请输入电话号码。',
  bad_characters: '电话号码只能包含数字，可以用空格或短横线分隔，请检查。',
  bad_mobile: '手机号码应为 1 开头的 11 位数字，第二位是 3 到 9，请核对位数。',
  bad_landline: '固定电话应为区号加 7 到 8 位号码（如 0371-12345678），或只填 7 到 8 位本地号码，请核对。',
} as const satisfies Record<PhoneErrorCode, string>;

function fail(code: PhoneErrorCode): PhoneResult {
  return { ok: false, code, message: PHONE_MESSAGES[code] };
}

/** Three-digit (with the 0) area codes; all other area codes have four. */
const SHORT_AREA_CODES = new Set(['010', '020', '021', '022', '023', '024', '025', '027', '028', '029']);

export function checkPhone(text: string): PhoneResult {
  const compact = text.replace(/[\uFF10-\uFF19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xff10 + 48)).replace(/[\s()（）]/g, '');
  if (compact.length === 0) return fail('empty');

  // An extension written "转8023", "ext8023" or "#8023".
  const extMatch = /^(.*?)(?:转|ext\.?|#)(\d{1,6})$/i.exec(compact);
  let body = extMatch ? extMatch[1] : compact;
  let extension = extMatch ? extMatch[2] : '';

  // Country code: a landline written internationally drops its leading 0 (+86 371 …).
  const country = /^(?:\+86|0086)-?/.exec(body);
  if (country) {
    body = body.slice(country[0].length);
    if (!body.startsWith('1')) body = `0${body}`;
  }
  if (!/^[\d-]+$/.test(body)) return fail('bad_characters');

  const parts = body.split('-').filter((part) => part.length > 0);
  let digits = parts.join('');
  if (digits.startsWith('1')) {
    return /^1[3-9]\d{9}$/.test(digits) && !extension ? { ok: true, kind: 'mobile', normalized: digits } : fail('bad_mobile');
  }
  // "0371-12345678-8023": a third hyphenated group is an extension.
  if (parts.length === 3 && !extension) {
    extension = parts[2];
    digits = parts[0] + parts[1];
  }
  const withExtension = (number: string) => (extension ? `${number}-${extension}` : number);
  if (digits.startsWith('0')) {
    const areaLength = SHORT_AREA_CODES.has(digits.slice(0, 3)) ? 3 : 4;
    const area = digits.slice(0, areaLength);
    const local = digits.slice(areaLength);
    if (area[1] === '0' || !/^[2-9]\d{6,7}$/.test(local)) return fail('bad_landline');
    return { ok: true, kind: 'landline', normalized: withExtension(`${area}-${local}`) };
  }
  if (/^[2-9]\d{6,7}$/.test(digits)) return { ok: true, kind: 'landline', normalized: withExtension(digits) };
  return fail('bad_landline');
}
