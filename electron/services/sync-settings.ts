/**
 * Where this workstation's county-sync settings live: the `meta` table of the local database (this
 * machine's own facts, never replicated). The password is kept in its own key, sealed (see
 * electron/security/secret-box.ts), and never leaves the main process again: screens only learn
 * whether one is set.
 */
import { z } from 'zod';
import { isSealed, sealedBy, SecretUnreadable, type SecretBox } from '../security/secret-box';
import { DEFAULT_SYNC_WINDOW_VIEW, syncSettingsInput, type SyncSettingsView } from '../../shared/api/sync';
import type { CountyEndpoint, SyncWindow } from '../sync';
import type { ClinicData } from './clinic-data';

export const META_SYNC_SETTINGS = 'sync_settings';
export const META_SYNC_PASSWORD = 'sync_password';

export interface SyncSettings {
  readonly serverUrl: string;
  /** `clinic_<clinic code>` */
  readonly database: string;
  readonly username: string;
  readonly password: string;
  readonly window: SyncWindow;
}

export type SyncSettingsSource = SyncSettingsView['source'];

const savedShape = z.object({
  serverUrl: z.string(),
  database: z.string(),
  username: z.string(),
  window: z.object({ start: z.string(), end: z.string() }),
});

export function clinicCodeOf(database: string): string {
  return database.replace(/^clinic_/, '');
}

export function endpointOf(settings: SyncSettings): CountyEndpoint {
  return { serverUrl: settings.serverUrl.replace(/\/+$/, ''), username: settings.username, password: settings.password };
}

/**
 * Environment overrides for tests, demos and scripted installs:
 *   CLINIC_SYNC_URL=https://county.example.cn:6984   (turns the override on)
 *   CLINIC_SYNC_DATABASE=clinic_xz01                 (default: clinic_<this clinic's code>)
 *   CLINIC_SYNC_USER=clinic_xz01                     (default: the database name)
 *   CLINIC_SYNC_PASSWORD=…
 *   CLINIC_SYNC_WINDOW=01:00-05:00
 * When CLINIC_SYNC_URL is set, the environment decides at start-up; saving in the sync screen
 * replaces it until the program restarts.
 */
export function syncSettingsFromEnvironment(env: Readonly<Record<string, string | undefined>>, clinicCode: string | null): SyncSettings | null {
  const url = env.CLINIC_SYNC_URL?.trim();
  if (!url) return null;
  const database = env.CLINIC_SYNC_DATABASE?.trim() || (clinicCode ? `clinic_${clinicCode}` : '');
  const [start, end] = (env.CLINIC_SYNC_WINDOW?.trim() || `${DEFAULT_SYNC_WINDOW_VIEW.start}-${DEFAULT_SYNC_WINDOW_VIEW.end}`).split('-');
  const parsed = syncSettingsInput.safeParse({
    serverUrl: url,
    database,
    username: env.CLINIC_SYNC_USER?.trim() || database,
    password: env.CLINIC_SYNC_PASSWORD ?? '',
    window: { start: start ?? '', end: end ?? '' },
  });
  if (!parsed.success) throw new Error(`CLINIC_SYNC_* 设置有误：${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('；')}`);
  return { ...parsed.data, password: parsed.data.password ?? '' };
}

export type SavedPassword =
  /** 'reseal': readable, but saved before sealing or by another box than the one sealing now. */
  | { readonly state: 'none' | 'sealed' | 'reseal'; readonly password: string }
  /** Sealed by something this workstation cannot open (another Windows account, a lost key file). */
  | { readonly state: 'unreadable'; readonly password: ''; readonly reason: string };

/** The saved password, opened, and whether it should be sealed again with `secrets`' own box. */
export function readSavedPassword(data: Pick<ClinicData, 'meta'>, secrets: SecretBox): SavedPassword {
  const stored = data.meta.get(META_SYNC_PASSWORD);
  if (stored === null || stored === '') return { state: 'none', password: '' };
  if (!isSealed(stored)) return { state: 'reseal', password: stored };
  try {
    const password = secrets.open(stored);
    return { state: sealedBy(stored) === secrets.kind ? 'sealed' : 'reseal', password };
  } catch (error) {
    if (error instanceof SecretUnreadable) return { state: 'unreadable', password: '', reason: error.message };
    throw error;
  }
}

/**
 * The saved settings, or none. A damaged value is treated as none rather than stopping the app; a
 * password this workstation cannot open reads as not set (the sync screen then asks for it).
 */
export function readSavedSyncSettings(data: Pick<ClinicData, 'meta'>, secrets: SecretBox): SyncSettings | null {
  const raw = data.meta.get(META_SYNC_SETTINGS);
  if (raw === null) return null;
  try {
    const parsed = savedShape.safeParse(JSON.parse(raw));
    if (!parsed.success) return null;
    return { ...parsed.data, password: readSavedPassword(data, secrets).password };
  } catch {
    return null;
  }
}

export function writeSyncSettings(data: Pick<ClinicData, 'meta'>, settings: SyncSettings, secrets: SecretBox): void {
  const { password, ...rest } = settings;
  data.meta.set(META_SYNC_SETTINGS, JSON.stringify(rest));
  data.meta.set(META_SYNC_PASSWORD, password === '' ? '' : secrets.seal(password));
}

/** What the settings screen is shown: the settings without the password, or suggestions. */
export function syncSettingsView(settings: SyncSettings | null, source: SyncSettingsSource, clinicCode: string | null): SyncSettingsView {
  if (!settings) {
    const database = clinicCode ? `clinic_${clinicCode}` : '';
    return { source: 'none', serverUrl: '', database, username: database, passwordSet: false, window: { ...DEFAULT_SYNC_WINDOW_VIEW } };
  }
  return {
    source,
    serverUrl: settings.serverUrl,
    database: settings.database,
    username: settings.username,
    passwordSet: settings.password.length > 0,
    window: { start: settings.window.start, end: settings.window.end },
  };
}
