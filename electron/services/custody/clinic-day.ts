/**
 * Instants at the edges of a clinic day: a grant "until 3 March" runs to the end of 3 March in the
 * clinic's time zone (shared/time/clinic-time.ts), whatever zone the PC is set to.
 */
import { clinicDate, clinicTime } from '../../../shared/time/clinic-time';
import { addCalendarDays } from './working-days';

/** The first instant of `date` in `zone`, as an ISO timestamp. */
export function startOfClinicDay(date: string, zone: string): string {
  const midnightUtc = Date.parse(`${date}T00:00:00Z`);
  let guess = midnightUtc;
  // Two passes settle the zone's offset (it may change over the day in zones with summer time).
  for (let pass = 0; pass < 2; pass += 1) guess = midnightUtc - offsetMs(new Date(guess), zone);
  return new Date(guess).toISOString();
}

/** The first instant after `date` in `zone`: the exclusive end of a period that includes `date`. */
export function endOfClinicDay(date: string, zone: string): string {
  return startOfClinicDay(addCalendarDays(date, 1), zone);
}

function offsetMs(instant: Date, zone: string): number {
  const local = Date.parse(`${clinicDate(instant, zone)}T${clinicTime(instant, zone)}:00Z`);
  const wholeMinutes = Math.floor(instant.getTime() / 60_000) * 60_000;
  return local - wholeMinutes;
}
