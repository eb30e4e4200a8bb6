/** Small formatting for the sync screen; times in the clinic's zone (shared/time/clinic-time.ts), whatever the PC's. */
import { clinicDateTime, clinicWhen } from '../../../../shared/time/clinic-time';

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 ** 3) return `${(bytes / 1024 ** 3).toFixed(2)} GB`;
  if (bytes >= 1024 ** 2) return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
  return `${Math.max(0, Math.round(bytes / 1024))} KB`;
}

export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.max(0, Math.round(ms))} 毫秒`;
  const seconds = ms / 1000;
  if (seconds < 60) return `${seconds.toFixed(seconds < 10 ? 1 : 0)} 秒`;
  const minutes = Math.floor(seconds / 60);
  return `${minutes} 分 ${Math.round(seconds - minutes * 60)} 秒`;
}

/** "今天 08:05", "3月2日 08:05", or with the year when it is not this year: in the clinic's zone. */
export function formatWhen(iso: string | null, zone: string, now: Date = new Date()): string {
  if (iso === null || Number.isNaN(new Date(iso).getTime())) return '—';
  return clinicWhen(iso, zone, now);
}

/** Short axis label: "03-02 08:05", in the clinic's zone. */
export function axisTime(iso: string, zone: string): string {
  if (Number.isNaN(new Date(iso).getTime())) return iso;
  return clinicDateTime(iso, zone).slice(5);
}

/** 0–100 for the progress bar, or null when the total is not known yet. */
export function progressPercent(done: number, remaining: number | null): number | null {
  if (remaining === null) return null;
  const total = done + remaining;
  if (total === 0) return 100;
  return Math.min(100, Math.max(0, Math.round((done / total) * 100)));
}
