import { clinicTime } from '../../shared/time/clinic-time';

/**
 * A nightly sync window that does not contain the clinic's (Beijing) time now, so saving the sync
 * settings starts no run by itself: HH:30 two and three hours ahead.
 */
export function windowAhead(): { start: string; end: string } {
  const hour = Number(clinicTime(new Date()).slice(0, 2));
  const at = (h: number) => `${String(h % 24).padStart(2, '0')}:30`;
  return { start: at(hour + 2), end: at(hour + 3) };
}
