/**
 * Citizen identity numbers, GB 11643-1999: 6-digit division code, 8-digit birth date, 3-digit
 * sequence (odd for men, even for women), and an ISO 7064 MOD 11-2 check character.
 *
 * TODO(shared): the front desk's typed-in ID check needs the same rules; when `shared/` grows an
 * identity-number module this file should be replaced by an import of it.
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';

/** The check character for the first 17 digits, or null if they are not 17 digits. */
export function idNumberCheckChar(first17: string): string | null {
  if (!/^\d{17}$/.test(first17)) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK_CHARS[sum % 11];
}

/** The YYYY-MM-DD birth date inside an 18-character number, or null if it is not a real date. */
export function idNumberBirthDate(idNumber: string): string | null {
  const match = /^\d{6}(\d{4})(\d{2})(\d{2})/.exec(idNumber);
  if (match === null) return null;
  const date = `${match[1]}-${match[2]}-${match[3]}`;
  return isCalendarDate(date) ? date : null;
}

/** GB/T 2261.1 sex code implied by the sequence digit: '1' male, '2' female. */
export function idNumberSex(idNumber: string): '1' | '2' | null {
  if (!/^\d{17}/.test(idNumber)) return null;
  return Number(idNumber[16]) % 2 === 1 ? '1' : '2';
}

/** An 18-character number with a real birth date and a matching check character (lower-case x refused). */
export function isValidIdNumber(idNumber: string): boolean {
  if (!/^\d{17}[\dX]$/.test(idNumber)) return false;
  if (idNumberBirthDate(idNumber) === null) return false;
  return idNumberCheckChar(idNumber.slice(0, 17)) === idNumber[17];
}

/** True for a YYYY-MM-DD string naming a day that exists (no 2 月 30 日), from 1900 on. */
export function isCalendarDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (match === null) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < 1900 || month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}
