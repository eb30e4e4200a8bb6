/**
 * Working days for loan periods (REGULATIONS.md AR-14: research and teaching loans are returned
 * within 3 working days). Saturdays and Sundays are not working days.
 *
 * Statutory holidays (法定节假日) and the weekends worked in exchange (调休上班) are fixed by the
 * State Council each December for the next year; an offline PC cannot know them. A calendar is
 * therefore a parameter: `holidays` are weekdays off, `workdays` are weekend days worked. To honour
 * them, an administrator would keep the year's dates as a list (a field of the clinic settings
 * replicated to every PC) and the services would pass it here; until then only weekends count,
 * which errs on the borrower's side by at most the holidays in the period.
 */

export interface WorkingCalendar {
  /** `YYYY-MM-DD` weekdays that are holidays. */
  readonly holidays: ReadonlySet<string>;
  /** `YYYY-MM-DD` Saturdays or Sundays that are worked (调休). */
  readonly workdays: ReadonlySet<string>;
}

export const WEEKENDS_ONLY: WorkingCalendar = { holidays: new Set(), workdays: new Set() };

const DAY_MS = 86_400_000;

function dayNumber(date: string): number {
  const ms = Date.parse(`${date}T00:00:00Z`);
  if (Number.isNaN(ms)) throw new RangeError(`not a date: ${date}`);
  return ms / DAY_MS;
}

const dateOf = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);

export function addCalendarDays(date: string, days: number): string {
  return dateOf(dayNumber(date) + days);
}

export function isWorkingDay(date: string, calendar: WorkingCalendar = WEEKENDS_ONLY): boolean {
  if (calendar.workdays.has(date)) return true;
  if (calendar.holidays.has(date)) return false;
  const weekday = new Date(dayNumber(date) * DAY_MS).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/**
 * The date `count` working days after `date` (the day itself not counted): lent on a Thursday,
 * 3 working days end on the Tuesday after.
 */
export function addWorkingDays(date: string, count: number, calendar: WorkingCalendar = WEEKENDS_ONLY): string {
  let day = dayNumber(date);
  for (let left = count; left > 0;) {
    day += 1;
    if (isWorkingDay(dateOf(day), calendar)) left -= 1;
  }
  return dateOf(day);
}

/** Working days from the day after `from` up to and including `to` (0 when `to` is not after `from`). */
export function workingDaysBetween(from: string, to: string, calendar: WorkingCalendar = WEEKENDS_ONLY): number {
  let count = 0;
  for (let day = dayNumber(from) + 1; day <= dayNumber(to); day += 1) if (isWorkingDay(dateOf(day), calendar)) count += 1;
  return count;
}
