import { describe, expect, it } from 'vitest';
import { META_DEVICE_SETTINGS, readSavedSettings, saveSettings, settingsFromEnvironment, toDeviceConfigs } from './device-settings';

function memoryMeta() {
  const values = new Map<string, string>();
  return { meta: { get: (key: string) => values.get(key) ?? null, set: (key: string, value: string) => void values.set(key, value) }, values };
}

describe('device settings', () => {
  it('come from the environment when a path is set there, 9600 baud unless told', () => {
    expect(settingsFromEnvironment({})).toBeNull();
    expect(settingsFromEnvironment({ CLINIC_CARD_READER: '/tmp/sim/reader' })).toEqual({
      cardReader: { path: '/tmp/sim/reader', baudRate: 9600 },
      scanner: null,
    });
    expect(settingsFromEnvironment({ CLINIC_SCANNER: 'COM4', CLINIC_SCANNER_BAUD: '115200' })).toEqual({
      cardReader: null,
      scanner: { path: 'COM4', baudRate: 115200 },
    });
    expect(() => settingsFromEnvironment({ CLINIC_SCANNER: 'COM4', CLINIC_SCANNER_BAUD: '1234' })).toThrow(/波特率/);
  });

  it('are kept in the local meta table and survive a damaged value', () => {
    const meta = memoryMeta();
    expect(readSavedSettings(meta)).toBeNull();
    const settings = { cardReader: { path: 'COM3', baudRate: 9600 }, scanner: null };
    saveSettings(meta, settings);
    expect(readSavedSettings(meta)).toEqual(settings);
    meta.meta.set(META_DEVICE_SETTINGS, '{not json');
    expect(readSavedSettings(meta)).toBeNull();
  });

  it('become the device manager list', () => {
    expect(toDeviceConfigs({ cardReader: { path: 'COM3', baudRate: 9600 }, scanner: { path: 'COM4', baudRate: 19200 } })).toEqual([
      { kind: 'card_reader', path: 'COM3', baudRate: 9600 },
      { kind: 'scanner', path: 'COM4', baudRate: 19200 },
    ]);
  });
});

describe('baud rates', () => {
  it('offered by the screen are the ones the device module accepts', async () => {
    const { DEVICE_BAUD_RATES } = await import('../../shared/api/devices');
    const { BAUD_RATES } = await import('../devices');
    expect([...DEVICE_BAUD_RATES]).toEqual([...BAUD_RATES]);
  });
});
