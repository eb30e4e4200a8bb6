import { describe, expect, it } from 'vitest';
import { checkDeviceDraft, draftFromSettings, settingsFromDraft } from './device-form';

describe('device settings form', () => {
  it('round-trips settings, an empty path meaning no device', () => {
    const draft = draftFromSettings({ cardReader: { path: 'COM3', baudRate: 115200 }, scanner: null });
    expect(draft).toEqual({ card_reader: { path: 'COM3', baudRate: '115200' }, scanner: { path: '', baudRate: '9600' } });
    expect(settingsFromDraft(draft)).toEqual({ cardReader: { path: 'COM3', baudRate: 115200 }, scanner: null });
  });

  it('checks only the devices that are filled in', () => {
    expect(checkDeviceDraft({ card_reader: { path: 'COM3', baudRate: '1234' }, scanner: { path: '', baudRate: 'x' } })).toEqual({
      'cardReader.baudRate': '波特率不在常用范围内',
    });
  });
});
