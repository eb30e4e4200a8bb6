/**
 * This workstation's backup settings and run history, in the local `meta` table (never replicated).
 * The passphrase is kept sealed in its own key like the sync password (electron/security/secret-box.ts):
 * the OS keychain in the desktop app (DPAPI: only this Windows account on this PC opens it), the data
 * folder's `secret.key` in browser mode and the command line. The scheduled backup needs the key
 * itself, so a one-way verifier would not do; screens only learn whether one is set.
 */
import { z } from 'zod';
import { backupRun, DEFAULT_BACKUP_SETTINGS, type BackupRun, type BackupSettingsView } from '../../../shared/api/backup';
import { isSealed, SecretUnreadable, type SecretBox } from '../../security/secret-box';
import type { ClinicData } from '../clinic-data';

export const META_BACKUP_SETTINGS = 'backup_settings';
export const META_BACKUP_PASSPHRASE = 'backup_passphrase';
export const META_BACKUP_HISTORY = 'backup_history';
const HISTORY_KEPT = 60;

const savedShape = z.object({ folder: z.string(), time: z.string(), keepDaily: z.number().int(), keepWeekly: z.number().int() });
export type SavedBackupSettings = z.infer<typeof savedShape>;

export function readBackupSettings(data: Pick<ClinicData, 'meta'>): SavedBackupSettings {
  const raw = data.meta.get(META_BACKUP_SETTINGS);
  if (!raw) return { ...DEFAULT_BACKUP_SETTINGS };
  const parsed = savedShape.safeParse(JSON.parse(raw));
  return parsed.success ? parsed.data : { ...DEFAULT_BACKUP_SETTINGS };
}

export function writeBackupSettings(data: Pick<ClinicData, 'meta'>, settings: SavedBackupSettings): void {
  data.meta.set(META_BACKUP_SETTINGS, JSON.stringify(settings));
}

export type PassphraseRead = { state: 'none' } | { state: 'ok'; passphrase: string } | { state: 'unreadable'; reason: string };

export function readPassphrase(data: Pick<ClinicData, 'meta'>, secrets: SecretBox): PassphraseRead {
  const sealed = data.meta.get(META_BACKUP_PASSPHRASE);
  if (!sealed) return { state: 'none' };
  if (!isSealed(sealed)) return { state: 'unreadable', reason: 'not sealed' };
  try {
    return { state: 'ok', passphrase: secrets.open(sealed) };
  } catch (error) {
    return { state: 'unreadable', reason: error instanceof SecretUnreadable ? error.message : String(error) };
  }
}

export function writePassphrase(data: Pick<ClinicData, 'meta'>, secrets: SecretBox, passphrase: string): void {
  data.meta.set(META_BACKUP_PASSPHRASE, secrets.seal(passphrase));
}

export function settingsView(data: Pick<ClinicData, 'meta'>, secrets: SecretBox): BackupSettingsView {
  const saved = readBackupSettings(data);
  const passphrase = readPassphrase(data, secrets);
  return {
    ...saved,
    passphraseSet: passphrase.state !== 'none',
    passphraseUnreadable: passphrase.state === 'unreadable',
    configured: saved.folder.length > 0 && passphrase.state === 'ok',
  };
}

export function readHistory(data: Pick<ClinicData, 'meta'>): BackupRun[] {
  const raw = data.meta.get(META_BACKUP_HISTORY);
  if (!raw) return [];
  const parsed = z.array(backupRun).safeParse(JSON.parse(raw));
  return parsed.success ? parsed.data : [];
}

/** Newest first. */
export function appendHistory(data: Pick<ClinicData, 'meta'>, run: BackupRun): void {
  data.meta.set(META_BACKUP_HISTORY, JSON.stringify([run, ...readHistory(data)].slice(0, HISTORY_KEPT)));
}
