/**
 * The nightly sync window, in the clinic's local time ("HH:MM"–"HH:MM", may wrap midnight).
 * The default 01:00–05:00 keeps the shared township line free for daytime work (insurance
 * settlement, the county's web systems) and leaves the night for the backlog.
 */
export interface SyncWindow {
  readonly start: string;
  readonly end: string;
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

function minuteOfDay(date: Date): number {
  return date.getHours() * 60 + date.getMinutes();
}

export function isInSyncWindow(atMs: number, window: SyncWindow): boolean {
  const start = parseWindowTime(window.start);
  const end = parseWindowTime(window.end);
  const m = minuteOfDay(new Date(atMs));
  return start < end ? m >= start && m < end : m >= start || m < end;
}

/** The next time (ms) the window opens strictly after `afterMs`, in local time. */
export function nextWindowStart(afterMs: number, window: SyncWindow): number {
  const start = parseWindowTime(window.start);
  const candidate = new Date(afterMs);
  candidate.setHours(Math.floor(start / 60), start % 60, 0, 0);
  if (candidate.getTime() <= afterMs) candidate.setDate(candidate.getDate() + 1);
  return candidate.getTime();
}

/** When the window that contains `atMs` closes (only meaningful inside the window). */
export function windowEndAfter(atMs: number, window: SyncWindow): number {
  const end = parseWindowTime(window.end);
  const candidate = new Date(atMs);
  candidate.setHours(Math.floor(end / 60), end % 60, 0, 0);
  if (candidate.getTime() <= atMs) candidate.setDate(candidate.getDate() + 1);
  return candidate.getTime();
}
