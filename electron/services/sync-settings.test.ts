import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { keyFileSecretBox, SECRET_KEY_FILE } from '../security/secret-box';
import { readSavedPassword, readSavedSyncSettings, syncSettingsFromEnvironment, syncSettingsView, writeSyncSettings } from './sync-settings';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});
function keyFolder(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clinic-secrets-'));
  dirs.push(dir);
  return dir;
}
const SETTINGS = { serverUrl: 'https://c.example.cn', database: 'clinic_xz01', username: 'clinic_xz01', window: { start: '01:00', end: '05:00' } };

function memoryMeta() {
  const values = new Map<string, string>();
  return { meta: { get: (key: string) => values.get(key) ?? null, set: (key: string, value: string) => void values.set(key, value) }, values };
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
    expect(syncSettingsFromEnvironment({ CLINIC_SYNC_URL: 'https://c.example.cn', CLINIC_SYNC_WINDOW: '22:30-02:00' }, 'xz01')?.window).toEqual({
      start: '22:30',
      end: '02:00',
    });
    expect(() => syncSettingsFromEnvironment({ CLINIC_SYNC_URL: 'file:///etc/passwd' }, 'xz01')).toThrow(/http/);
  });

  it('keeps the password sealed in its own key and never shows it', () => {
    const meta = memoryMeta();
    const secrets = keyFileSecretBox(keyFolder());
    writeSyncSettings(meta, { ...SETTINGS, password: 'secret-secret-1' }, secrets);
    // Nowhere in the database in the clear.
    expect([...meta.values.values()].filter((v) => v.includes('secret-secret-1'))).toEqual([]);
    expect(meta.values.get('sync_password')).toMatch(/^sealed:v1:key-file:/);
    const saved = readSavedSyncSettings(meta, secrets);
    expect(saved?.password).toBe('secret-secret-1');
    expect(JSON.stringify(syncSettingsView(saved, 'saved', 'xz01'))).not.toContain('secret-secret-1');
    expect(syncSettingsView(null, 'none', 'xz01')).toMatchObject({ database: 'clinic_xz01', passwordSet: false });
    meta.meta.set('sync_settings', '{broken');
    expect(readSavedSyncSettings(meta, secrets)).toBeNull();
  });

  it('reads a password saved before sealing, and says it should be sealed', () => {
    const meta = memoryMeta();
    meta.meta.set('sync_settings', JSON.stringify(SETTINGS));
    meta.meta.set('sync_password', 'plain-old-password');
    const secrets = keyFileSecretBox(keyFolder());
    expect(readSavedPassword(meta, secrets)).toEqual({ state: 'reseal', password: 'plain-old-password' });
    expect(readSavedSyncSettings(meta, secrets)?.password).toBe('plain-old-password');
  });

  it('treats a password it cannot open (key file gone) as not set, and says why', () => {
    const meta = memoryMeta();
    const folder = keyFolder();
    writeSyncSettings(meta, { ...SETTINGS, password: 'secret-secret-1' }, keyFileSecretBox(folder));
    fs.rmSync(path.join(folder, SECRET_KEY_FILE));
    const secrets = keyFileSecretBox(folder);
    expect(readSavedPassword(meta, secrets)).toMatchObject({ state: 'unreadable', password: '' });
    const saved = readSavedSyncSettings(meta, secrets);
    expect(saved?.password).toBe('');
    expect(syncSettingsView(saved, 'saved', 'xz01').passwordSet).toBe(false);
  });
});
