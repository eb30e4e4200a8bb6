import type { DeviceKindName, DeviceSettings } from '../../../../shared/api/devices';
import { DEFAULT_BAUD_RATE, devicePort } from '../../../../shared/api/devices';
import type { FieldErrors } from '../../forms/field-errors';
import { checkWithSchema } from '../../forms/check-with-schema';

export interface DevicePortDraft {
  readonly path: string;
  readonly baudRate: string;
}

export type DeviceSettingsDraft = Readonly<Record<DeviceKindName, DevicePortDraft>>;

export const SETTINGS_FIELD: Readonly<Record<DeviceKindName, 'cardReader' | 'scanner'>> = { card_reader: 'cardReader', scanner: 'scanner' };

export function draftFromSettings(settings: DeviceSettings): DeviceSettingsDraft {
  const one = (port: DeviceSettings['cardReader']): DevicePortDraft => ({ path: port?.path ?? '', baudRate: String(port?.baudRate ?? DEFAULT_BAUD_RATE) });
  return { card_reader: one(settings.cardReader), scanner: one(settings.scanner) };
}

/** An empty path means "no such device here". */
export function settingsFromDraft(draft: DeviceSettingsDraft): DeviceSettings {
  const one = (port: DevicePortDraft) => (port.path.trim() === '' ? null : { path: port.path.trim(), baudRate: Number(port.baudRate) });
  return { cardReader: one(draft.card_reader), scanner: one(draft.scanner) };
}

/** Field errors keyed `cardReader.path`, `scanner.baudRate`…, with the contract's own messages. */
export function checkDeviceDraft(draft: DeviceSettingsDraft): FieldErrors {
  const errors: Record<string, string> = {};
  for (const kind of ['card_reader', 'scanner'] as const) {
    const port = draft[kind];
    if (port.path.trim() === '') continue;
    const found = checkWithSchema(devicePort, { path: port.path.trim(), baudRate: Number(port.baudRate) });
    for (const [path, message] of Object.entries(found)) errors[`${SETTINGS_FIELD[kind]}.${path}`] = message;
  }
  return errors;
}
