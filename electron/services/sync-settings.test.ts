import { describe, expect, it } from 'vitest';
import { readSavedSyncSettings, syncSettingsFromEnvironment, syncSettingsView, writeSyncSettings } from './sync-settings';

function memoryMeta() {
  const values = new Map<string, string>();
  return { getMeta: (key: string) => values.get(key) ?? null, setMeta: (key: string, value: string) => void values.set(key, value), values };
}

describe('sync settings', () => {
  it('reads CLINIC_SYNC_* with defaults from the clinic code, and refuses a bad address', () => {
    expect(syncSettingsFromEnvironment({}, 'xz01')).toBeNull();
    expect(syncSettingsFromEnvironment({ CLINIC_SYNC_URL: 'http://127.0.0.1:5984', CLINIC_SYNC_PASSWORD: 'pw-123456789012' }, 'xz01')).toEqual({
      serverUrl: 'http://127.0.0.1:5984',
      database: 'clinic_xz01',
      username: 'clinic_xz01',
      password: 'pw-123456789012',
      window: { start: '01:00', end: '05:00' },
    });
    expect(syncSettingsFromEnvironment({ CLINIC_SYNC_URL: 'https://c.example.cn', CLINIC_SYNC_WINDOW: '22:30-02:00' }, 'xz01')?.window).toEqual({ start: '22:30', end: '02:00' });
    expect(() => syncSettingsFromEnvironment({ CLINIC_SYNC_URL: 'file:///etc/passwd' }, 'xz01')).toThrow(/http/);
  });

  it('keeps the password in its own key and never shows it', () => {
    const meta = memoryMeta();
    writeSyncSettings(meta, { serverUrl: 'https://c.example.cn', database: 'clinic_xz01', username: 'clinic_xz01', password: 'secret-secret-1', window: { start: '01:00', end: '05:00' } });
    expect([...meta.values.entries()].filter(([, v]) => v.includes('secret-secret-1')).map(([k]) => k)).toEqual(['sync_password']);
    const saved = readSavedSyncSettings(meta);
    expect(saved?.password).toBe('secret-secret-1');
    expect(JSON.stringify(syncSettingsView(saved, 'saved', 'xz01'))).not.toContain('secret-secret-1');
    expect(syncSettingsView(null, 'none', 'xz01')).toMatchObject({ database: 'clinic_xz01', passwordSet: false });
    meta.setMeta('sync_settings', '{broken');
    expect(readSavedSyncSettings(meta)).toBeNull();
  });
});
