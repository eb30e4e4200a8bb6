/**
 * Which backup files stay on the drive: the newest of each of the last `daily` days that have a
 * backup, and the newest of each of the last `weekly` ISO weeks. The clinic's calendar decides the
 * day (the name carries the clinic's date and time), so a PC left on UTC keeps the right ones.
 */
import { clinicDateTime } from '../../../shared/time/clinic-time';
import { BACKUP_EXTENSION } from './format';

export interface KeepCounts {
  readonly daily: number;
  readonly weekly: number;
}

export const DEFAULT_KEEP: KeepCounts = { daily: 7, weekly: 4 };

const NAME = /^clinic-([a-z0-9][a-z0-9_-]*)-(\d{4})(\d{2})(\d{2})-(\d{6})-([A-Z0-9]{1,8})\.tcbak$/;

/** `clinic-xz01-20261203-013000-W01.tcbak`: clinic, the clinic's date and time, workstation. */
export function backupFileName(clinicCode: string, workstation: string, at: Date, zone: string): string {
  const stamp = clinicDateTime(at, zone, { seconds: true }).replace(/[-:]/g, '').replace(' ', '-');
  return `clinic-${clinicCode}-${stamp}-${workstation}${BACKUP_EXTENSION}`;
}

interface Dated {
  readonly name: string;
  readonly day: string;
  readonly week: string;
  readonly stamp: string;
}

/** ISO 8601 week of a calendar day, `2026-W49`. */
function isoWeek(year: number, month: number, day: number): string {
  const date = new Date(Date.UTC(year, month - 1, day));
  const weekday = (date.getUTCDay() + 6) % 7;
  date.setUTCDate(date.getUTCDate() - weekday + 3);
  const firstThursday = new Date(Date.UTC(date.getUTCFullYear(), 0, 4));
  const week = 1 + Math.round((date.getTime() - firstThursday.getTime()) / 86_400_000 / 7 - ((firstThursday.getUTCDay() + 6) % 7) / 7 + 3 / 7);
  return `${date.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

function datedOf(name: string, clinicCode: string): Dated | null {
  const m = NAME.exec(name);
  if (!m || m[1] !== clinicCode) return null;
  return { name, day: `${m[2]}${m[3]}${m[4]}`, week: isoWeek(Number(m[2]), Number(m[3]), Number(m[4])), stamp: `${m[2]}${m[3]}${m[4]}${m[5]}` };
}

/** The names among `names` to delete: this clinic's backups that neither count keeps. Other files are never touched. */
export function backupsToRemove(names: ReadonlyArray<string>, clinicCode: string, keep: KeepCounts): string[] {
  const dated = names
    .map((name) => datedOf(name, clinicCode))
    .filter((d): d is Dated => d !== null)
    .sort((a, b) => b.stamp.localeCompare(a.stamp));
  const kept = new Set<string>();
  for (const [period, count] of [
    ['day', keep.daily],
    ['week', keep.weekly],
  ] as const) {
    const seen = new Set<string>();
    for (const d of dated) {
      if (seen.has(d[period])) continue;
      if (seen.size >= count) break;
      seen.add(d[period]);
      kept.add(d.name);
    }
  }
  return dated.filter((d) => !kept.has(d.name)).map((d) => d.name);
}
