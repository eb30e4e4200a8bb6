import { openClinicDatabase } from '../../../db/open';
import { clinicQueries } from '../../../db/queries';
import { CLINIC_SETTINGS_ID, type ClinicSettingsDoc } from '../../../shared/docs';
import type { RestoredClinic } from './restore-backup';

/**
 * Opens a decrypted backup as this program opens its own database (migrations included, so a backup
 * of an older version comes back in today's tables) and says whose it is. Closing it folds its WAL
 * back into the file, ready to be copied into place.
 */
export function identifyClinicDatabase(file: string): RestoredClinic | null {
  const handle = openClinicDatabase(file, { slowQueryLog: false });
  try {
    const doc = handle.store.get(CLINIC_SETTINGS_ID);
    if (!doc || doc.type !== 'clinic_settings') return null;
    const settings = doc as unknown as ClinicSettingsDoc;
    return { clinicCode: settings.code, clinicName: settings.name, users: clinicQueries(handle.orm).users.count() };
  } finally {
    handle.close();
  }
}
