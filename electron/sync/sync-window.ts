import { DEFAULT_CLINIC_TIME_ZONE } from '../../shared/time/clinic-time';

/**
 * The nightly sync window, in the clinic's time zone ("HH:MM"–"HH:MM", may wrap midnight), whatever
 * zone the PC's clock is set to: a PC left on UTC still syncs at 01:00 Beijing time, not 09:00.
 * The default 01:00–05:00 keeps the shared township line free for daytime work (insurance
 * settlement, the county's web systems) and leaves the night for the backlog.
 */
export interface SyncWindow {
  readonly start: string;
  readonly end: string;
  /** The clinic's IANA zone (clinic settings `time_zone`); Asia/Shanghai when not given. */
  readonly zone?: string;
}

export const DEFAULT_SYNC_WINDOW: SyncWindow = { start: '01:00', end: '05:00' };

const HHMM = /^([01]\d|2[0-3]):([0-5]\d)$/;

export function parseWindowTime(value: string): number {
  const m = HHMM.exec(value);
  if (!m) throw new Error(`时间格式应为 HH:MM（00:00–23:59），收到“${value}”`);
  return Number(m[1]) * 60 + Number(m[2]);
}

export function validateSyncWindow(window: SyncWindow): SyncWindow {
  const start = parseWindowTime(window.start);
  const end = parseWindowTime(window.end);
  if (start === end) throw new Error('同步时段的开始和结束时间不能相同');
  return window;
}

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;

/** How far the zone's wall clock is ahead of UTC at `atMs`, in ms (China has no summer time). */
function zoneOffsetMs(atMs: number, zone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(new Date(atMs));
  const part = (type: Intl.DateTimeFormatPartTypes): number => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const wall = Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'), part('second'));
  return wall - Math.floor(atMs / 1000) * 1000;
}

const zoneOf = (window: SyncWindow): string => window.zone ?? DEFAULT_CLINIC_TIME_ZONE;

function minuteOfDay(atMs: number, zone: string): number {
  const wall = atMs + zoneOffsetMs(atMs, zone);
  return Math.floor((((wall % DAY_MS) + DAY_MS) % DAY_MS) / MINUTE_MS);
}

export function isInSyncWindow(atMs: number, window: SyncWindow): boolean {
  const start = parseWindowTime(window.start);
  const end = parseWindowTime(window.end);
  const m = minuteOfDay(atMs, zoneOf(window));
  return start < end ? m >= start && m < end : m >= start || m < end;
}

/** The first instant strictly after `afterMs` at which the clinic's clock reads `minute` (minutes after midnight). */
function nextWallMinute(afterMs: number, minute: number, zone: string): number {
  const offset = zoneOffsetMs(afterMs, zone);
  const wallMidnight = Math.floor((afterMs + offset) / DAY_MS) * DAY_MS;
  let candidate = wallMidnight + minute * MINUTE_MS - offset;
  if (candidate <= afterMs) candidate += DAY_MS;
  return candidate;
}

/** The next time (ms) the window opens strictly after `afterMs`, by the clinic's clock. */
export function nextWindowStart(afterMs: number, window: SyncWindow): number {
  return nextWallMinute(afterMs, parseWindowTime(window.start), zoneOf(window));
}

/** When the window that contains `atMs` closes (only meaningful inside the window). */
export function windowEndAfter(atMs: number, window: SyncWindow): number {
  return nextWallMinute(atMs, parseWindowTime(window.end), zoneOf(window));
}
