/**
 * The clinic's one clock: every date and time the clinic sees or prints (lists, slips, PDFs, audit,
 * sync history) is said in the clinic's time zone, 24-hour, whatever zone the PC is set to. A PC
 * left on UTC would otherwise show 08:03 on screen and print 16:03 on the slip.
 */

/** The zone a clinic has unless its settings say otherwise (clinic settings `time_zone`). */
export const DEFAULT_CLINIC_TIME_ZONE = 'Asia/Shanghai';

/** True when `zone` is an IANA zone this runtime knows (Asia/Shanghai, Asia/Urumqi …). */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

interface Parts {
  readonly date: string;
  readonly time: string;
  readonly seconds: string;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(zone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-CA', {
      timeZone: zone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(zone, formatter);
  }
  return formatter;
}

function partsOf(instant: Date | string, zone: string): Parts {
  const date = typeof instant === 'string' ? new Date(instant) : instant;
  if (Number.isNaN(date.getTime())) throw new RangeError(`not a time: ${String(instant)}`);
  const part = Object.fromEntries(
    formatterFor(zone)
      .formatToParts(date)
      .map((p) => [p.type, p.value]),
  );
  return { date: `${part.year}-${part.month}-${part.day}`, time: `${part.hour}:${part.minute}`, seconds: part.second };
}

/** `2026-03-01`: the clinic's calendar day of an instant. */
export function clinicDate(instant: Date | string, zone: string = DEFAULT_CLINIC_TIME_ZONE): string {
  return partsOf(instant, zone).date;
}

/** `08:03`, 24-hour. */
export function clinicTime(instant: Date | string, zone: string = DEFAULT_CLINIC_TIME_ZONE): string {
  return partsOf(instant, zone).time;
}

/** `2026-03-01 08:03`, or with seconds (`08:03:07`) for audit and sync history. */
export function clinicDateTime(instant: Date | string, zone: string = DEFAULT_CLINIC_TIME_ZONE, options: { seconds?: boolean } = {}): string {
  const parts = partsOf(instant, zone);
  return `${parts.date} ${parts.time}${options.seconds ? `:${parts.seconds}` : ''}`;
}

/**
 * `今天 08:05`, `3月2日 08:05`, or `2025年3月2日 08:05` in another year: when something happened, as
 * staff say it, with "today" meaning the clinic's calendar day.
 */
export function clinicWhen(instant: Date | string, zone: string = DEFAULT_CLINIC_TIME_ZONE, now: Date = new Date()): string {
  const at = partsOf(instant, zone);
  const today = partsOf(now, zone).date;
  if (at.date === today) return `今天 ${at.time}`;
  const [year, month, day] = at.date.split('-').map(Number);
  const monthDay = `${month}月${day}日 ${at.time}`;
  return at.date.slice(0, 4) === today.slice(0, 4) ? monthDay : `${year}年${monthDay}`;
}
