import { DEFAULT_BAUD_RATE, deviceSettings, type DevicePort, type DeviceSettings } from '../../shared/api/devices';
import type { DeviceConfig } from '../devices';
import type { ClinicData } from './clinic-data';

/**
 * Where the workstation's device settings live: the `meta` table of the local database, which holds
 * this machine's own facts and is never replicated (each PC has its own COM ports).
 */
export const META_DEVICE_SETTINGS = 'device_settings';

export const NO_DEVICES: DeviceSettings = { cardReader: null, scanner: null };

export type SettingsSource = 'saved' | 'environment' | 'none';

/**
 * Environment overrides for tests, demos and kiosk set-ups:
 *   CLINIC_CARD_READER=/dev/ttyUSB0   CLINIC_CARD_READER_BAUD=9600
 *   CLINIC_SCANNER=COM4               CLINIC_SCANNER_BAUD=9600
 * When either path is set, the environment decides for both devices at start-up.
 */
export function settingsFromEnvironment(env: Readonly<Record<string, string | undefined>>): DeviceSettings | null {
  const reader = portFrom(env.CLINIC_CARD_READER, env.CLINIC_CARD_READER_BAUD);
  const scanner = portFrom(env.CLINIC_SCANNER, env.CLINIC_SCANNER_BAUD);
  if (reader === null && scanner === null) return null;
  const parsed = deviceSettings.safeParse({ cardReader: reader, scanner });
  if (!parsed.success) throw new Error(`CLINIC_CARD_READER / CLINIC_SCANNER 设置有误：${parsed.error.issues.map((i) => i.message).join('；')}`);
  return parsed.data;
}

function portFrom(path: string | undefined, baud: string | undefined): DevicePort | null {
  if (path === undefined || path.trim() === '') return null;
  return { path: path.trim(), baudRate: baud === undefined || baud.trim() === '' ? DEFAULT_BAUD_RATE : Number(baud) };
}

/** The saved settings, or none. A damaged value is treated as none rather than stopping the app. */
export function readSavedSettings(data: Pick<ClinicData, 'meta'>): DeviceSettings | null {
  const raw = data.meta.get(META_DEVICE_SETTINGS);
  if (raw === null) return null;
  try {
    const parsed = deviceSettings.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function saveSettings(data: Pick<ClinicData, 'meta'>, settings: DeviceSettings): void {
  data.meta.set(META_DEVICE_SETTINGS, JSON.stringify(deviceSettings.parse(settings)));
}

/** The device manager's list for these settings. */
export function toDeviceConfigs(settings: DeviceSettings): DeviceConfig[] {
  const configs: DeviceConfig[] = [];
  if (settings.cardReader) configs.push({ kind: 'card_reader', ...settings.cardReader });
  if (settings.scanner) configs.push({ kind: 'scanner', ...settings.scanner });
  return configs;
}
