import type { OutputOf } from '../../../../shared/api';
import { clinicWhen, DEFAULT_CLINIC_TIME_ZONE } from '../../../../shared/time/clinic-time';
import { STATUS_TEXT as T } from './text';

export type SystemStatus = OutputOf<'system.status'>;

/** "今天 08:05" for today, "3月2日 08:05" otherwise, in the clinic's zone whatever the PC's. */
export function formatLastSuccess(iso: string | null, now: Date, zone: string = DEFAULT_CLINIC_TIME_ZONE): string {
  if (iso === null || Number.isNaN(new Date(iso).getTime())) return T.neverSynced;
  return clinicWhen(iso, zone, now);
}

/** One line for the sync slot of the status bar: state, what is waiting, when it last worked. */
export function describeSync(sync: SystemStatus['sync'], now: Date, zone: string = DEFAULT_CLINIC_TIME_ZONE): string {
  const parts: string[] = [T.syncStates[sync.state]];
  if (sync.state !== 'not_configured') {
    parts.push(T.pending(sync.pendingChanges), T.lastSuccess(formatLastSuccess(sync.lastSuccessAt, now, zone)));
  }
  return parts.join(' · ');
}

export function describeDevices(devices: SystemStatus['devices']): string {
  const label = T.deviceStates[devices.state];
  return devices.message && devices.message !== label ? `${label}（${devices.message}）` : label;
}

/** The LAN slot: connected to 本院主机, what arrived last, what waits to go; or plainly that it is cut off. */
export function describeLan(lan: SystemStatus['lan'], now: Date): string {
  const state = T.lanStates[lan.state];
  if (lan.state !== 'connected' && lan.state !== 'unreachable') return state;
  const parts: string[] = [state];
  if (lan.lastReceivedAt !== null) parts.push(T.lastReceived(formatLastSuccess(lan.lastReceivedAt, now)));
  parts.push(T.lanPending(lan.pendingChanges));
  return parts.join(' · ');
}
