/** Small formatting for the sync screen, in the workstation's local time. */

const pad = (n: number) => String(n).padStart(2, '0');

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

/** "今天 08:05", "3月2日 08:05", or with the year when it is not this year. */
export function formatWhen(iso: string | null, now: Date = new Date()): string {
  if (iso === null) return '—';
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return '—';
  const time = `${pad(at.getHours())}:${pad(at.getMinutes())}`;
  if (at.getFullYear() === now.getFullYear() && at.getMonth() === now.getMonth() && at.getDate() === now.getDate()) return `今天 ${time}`;
  const day = `${at.getMonth() + 1}月${at.getDate()}日 ${time}`;
  return at.getFullYear() === now.getFullYear() ? day : `${at.getFullYear()}年${day}`;
}

/** Short axis label: "03-02 08:05". */
export function axisTime(iso: string): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  return `${pad(at.getMonth() + 1)}-${pad(at.getDate())} ${pad(at.getHours())}:${pad(at.getMinutes())}`;
}

/** 0–100 for the progress bar, or null when the total is not known yet. */
export function progressPercent(done: number, remaining: number | null): number | null {
  if (remaining === null) return null;
  const total = done + remaining;
  if (total === 0) return 100;
  return Math.min(100, Math.max(0, Math.round((done / total) * 100)));
}
