/**
 * Dates and instants for demo data. Clinics are in China (UTC+8, no daylight saving): a visit's
 * `visit_date` is the local date, and its timestamp is the same moment in UTC (toISOString).
 */

const DAY_MS = 86_400_000;
const CHINA_OFFSET_MS = 8 * 3_600_000;

/** Days since 1970-01-01 of a `YYYY-MM-DD` civil date. */
export function dayNumber(date: string): number {
  return Math.round(Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY_MS);
}

/**
 * `YYYY-MM-DD` of a day number, by Howard Hinnant's civil_from_days
 * (https://howardhinnant.github.io/date_algorithms.html): called once per generated document,
 * and several times cheaper than formatting a Date.
 */
export function dateOfDayNumber(day: number): string {
  const z = day + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${String(y).padStart(4, '0')}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
}

/** The China-local day number of an instant. */
export function chinaDayNumber(instantMs: number): number {
  return Math.floor((instantMs + CHINA_OFFSET_MS) / DAY_MS);
}

/** The instant of a China-local day plus seconds since local midnight. */
export function chinaInstant(day: number, secondsOfDay: number): number {
  return day * DAY_MS - CHINA_OFFSET_MS + Math.round(secondsOfDay * 1000);
}

/** 0 = Sunday … 6 = Saturday, for a day number (1970-01-01 was a Thursday). */
export function weekday(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

export function isoInstant(ms: number): string {
  return new Date(ms).toISOString();
}
