import { eq } from 'drizzle-orm';
import { CLINIC_SETTINGS_ID } from '../../shared/docs';
import type { ClinicOrm } from '../orm';
import { clinicSettings } from '../schema';

export type ClinicSettingsRow = typeof clinicSettings.$inferSelect;

export function clinicSettingsQueries(db: ClinicOrm) {
  return {
    /** The clinic's settings, or undefined before setup. */
    get(): ClinicSettingsRow | undefined {
      return db.select().from(clinicSettings).where(eq(clinicSettings.id, CLINIC_SETTINGS_ID)).get();
    },
  };
}
