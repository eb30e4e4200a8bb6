/**
 * Real calendar values, not just the right digits in the right places: `9999-99-99`, `2026-02-29`
 * and `25:61` are refused. Dates are civil dates (no time zone); timestamps are ISO 8601 with an
 * offset, as `new Date().toISOString()` writes them.
 */
import { isRealDate } from '../identity/dates';

export type CalendarProblem = 'format' | 'not_a_real_value';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d{1,9})?(?:Z|([+-])(\d{2}):(\d{2}))$/;
/** UTC−12:00 to UTC+14:00 is every offset in use on Earth. */
const MAX_OFFSET_MINUTES = 14 * 60;

/** Null when `text` is `YYYY-MM-DD` naming a real day of years 0001–9999 (year 0000 is no civil year). */
export function isoDateProblem(text: string): CalendarProblem | null {
  const m = DATE.exec(text);
  if (!m) return 'format';
  const year = Number(m[1]);
  return year >= 1 && isRealDate(year, Number(m[2]), Number(m[3])) ? null : 'not_a_real_value';
}

/** Null when `text` is an ISO 8601 timestamp with offset naming a real instant (no 24:00, no leap second 60, no +25:00). */
export function isoTimestampProblem(text: string): CalendarProblem | null {
  const m = TIMESTAMP.exec(text);
  if (!m) return 'format';
  const year = Number(m[1]);
  const [hour, minute, second] = [Number(m[4]), Number(m[5]), Number(m[6])];
  const offset = m[7] === undefined ? 0 : Number(m[8]) * 60 + Number(m[9]);
  const real =
    year >= 1 &&
    isRealDate(year, Number(m[2]), Number(m[3])) &&
    hour <= 23 &&
    minute <= 59 &&
    second <= 59 &&
    (m[7] === undefined || Number(m[9]) <= 59) &&
    offset <= MAX_OFFSET_MINUTES;
  return real ? null : 'not_a_real_value';
}
