/**
 * Where this workstation's 本院主机 settings live: the `meta` table (this machine's own facts, never
 * replicated), apart from the county's sync settings, with the password sealed the same way
 * (electron/security/secret-box.ts) and never shown again.
 *
 * Environment overrides for tests, demos and scripted installs:
 *   CLINIC_LAN_URL=http://192.168.1.10:5984   (turns the override on)
 *   CLINIC_LAN_DATABASE=clinic_xz01           (default: clinic_<this clinic's code>)
 *   CLINIC_LAN_USER=…                         (default: the database name)
 *   CLINIC_LAN_PASSWORD=…
 */
import { z } from 'zod';
import { lanSettingsInput } from '../../shared/api/lan';
import type { LanEndpoint } from '../lan';
import { isSealed, SecretUnreadable, type SecretBox } from '../security/secret-box';
import type { ClinicData } from './clinic-data';

export const META_LAN_SETTINGS = 'lan_settings';
export const META_LAN_PASSWORD = 'lan_password';

const savedShape = z.object({ serverUrl: z.string(), database: z.string(), username: z.string() });

export function lanSettingsFromEnvironment(env: Readonly<Record<string, string | undefined>>, clinicCode: string | null): LanEndpoint | null {
  const url = env.CLINIC_LAN_URL?.trim();
  if (!url) return null;
  const database = env.CLINIC_LAN_DATABASE?.trim() || (clinicCode ? `clinic_${clinicCode}` : '');
  const parsed = lanSettingsInput.safeParse({
    serverUrl: url,
    database,
    username: env.CLINIC_LAN_USER?.trim() || database,
    password: env.CLINIC_LAN_PASSWORD ?? '',
  });
  if (!parsed.success) throw new Error(`CLINIC_LAN_* 设置有误：${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('；')}`);
  return { ...parsed.data, serverUrl: parsed.data.serverUrl.replace(/\/+$/, ''), password: parsed.data.password ?? '' };
}

/** The saved settings, or none (a damaged value reads as none; a password that cannot be opened as empty). */
export function readSavedLanSettings(data: Pick<ClinicData, 'meta'>, secrets: SecretBox): LanEndpoint | null {
  const raw = data.meta.get(META_LAN_SETTINGS);
  if (!raw) return null;
  try {
    const parsed = savedShape.safeParse(JSON.parse(raw));
    if (!parsed.success) return null;
    return { ...parsed.data, password: openPassword(data.meta.get(META_LAN_PASSWORD), secrets) };
  } catch {
    return null;
  }
}

function openPassword(stored: string | null, secrets: SecretBox): string {
  if (!stored) return '';
  if (!isSealed(stored)) return stored;
  try {
    return secrets.open(stored);
  } catch (error) {
    if (error instanceof SecretUnreadable) return '';
    throw error;
  }
}

export function writeLanSettings(data: Pick<ClinicData, 'meta'>, settings: LanEndpoint | null, secrets: SecretBox): void {
  if (!settings) {
    data.meta.set(META_LAN_SETTINGS, '');
    data.meta.set(META_LAN_PASSWORD, '');
    return;
  }
  const { password, ...rest } = settings;
  data.meta.set(META_LAN_SETTINGS, JSON.stringify(rest));
  data.meta.set(META_LAN_PASSWORD, password === '' ? '' : secrets.seal(password));
}
