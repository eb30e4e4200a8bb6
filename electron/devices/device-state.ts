import type { DeviceKind } from './device-config';
import { DEVICE_ERROR_MESSAGES, type DeviceErrorCode } from './errors';

export type DeviceStatus = 'disconnected' | 'connecting' | 'ready' | 'error';

export interface DeviceState {
  readonly kind: DeviceKind;
  readonly path: string;
  readonly status: DeviceStatus;
  /** What the status bar says, in Simplified Chinese. */
  readonly message: string;
  readonly errorCode?: DeviceErrorCode;
  /** Technical detail (errno text, status word) for the settings screen and logs. */
  readonly detail?: string;
}

const CONNECTING: Readonly<Record<DeviceKind, string>> = { card_reader: '正在连接读卡器…', scanner: '正在连接扫码枪…' };
const READY: Readonly<Record<DeviceKind, string>> = { card_reader: '读卡器已就绪', scanner: '扫码枪已就绪' };
const UNPLUGGED: Readonly<Record<DeviceKind, DeviceErrorCode>> = { card_reader: 'reader_disconnected', scanner: 'scanner_disconnected' };

export function connectingState(kind: DeviceKind, path: string): DeviceState {
  return { kind, path, status: 'connecting', message: CONNECTING[kind] };
}

export function readyState(kind: DeviceKind, path: string): DeviceState {
  return { kind, path, status: 'ready', message: READY[kind] };
}

export function disconnectedState(kind: DeviceKind, path: string): DeviceState {
  const code = UNPLUGGED[kind];
  return { kind, path, status: 'disconnected', message: DEVICE_ERROR_MESSAGES[code], errorCode: code };
}

export function errorState(kind: DeviceKind, path: string, code: DeviceErrorCode, detail?: string): DeviceState {
  return { kind, path, status: 'error', message: DEVICE_ERROR_MESSAGES[code], errorCode: code, ...(detail === undefined ? {} : { detail }) };
}

export function sameState(a: DeviceState, b: DeviceState): boolean {
  return a.status === b.status && a.message === b.message && a.path === b.path && a.kind === b.kind;
}
