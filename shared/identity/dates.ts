/**
 * Calendar arithmetic on `YYYY-MM-DD` strings, without time zones: a birth date is a civil date,
 * and turning it into a `Date` would shift it by the UTC offset (China is UTC+8).
 */

export interface CivilDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** True when the parts name a real day of the Gregorian calendar (no 2月30日, no 13月). */
export function isRealDate(year: number, month: number, day: number): boolean {
  return Number.isInteger(year) && Number.isInteger(month) && Number.isInteger(day) && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** Parses `YYYY-MM-DD`; null when the text is not a real calendar day. */
export function parseIsoDate(text: string): CivilDate | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  return isRealDate(year, month, day) ? { year, month, day } : null;
}

export function formatIsoDate(date: CivilDate): string {
  return `${String(date.year).padStart(4, '0')}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`;
}

/**
 * Today's date where the clinic is. Township clinics are all in China (UTC+8, no daylight saving),
 * so the date is taken at that fixed offset rather than from the machine's time-zone setting,
 * which is sometimes wrong on clinic PCs.
 */
export function chinaDateOf(instant: Date): string {
  const shifted = new Date(instant.getTime() + 8 * 3_600_000);
  return shifted.toISOString().slice(0, 10);
}
