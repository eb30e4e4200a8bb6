import type { ClinicDatabase } from '../../db/open';
import { deferProjections, rebuildProjectionsSync } from '../../db/projections/rebuild';
import { clinicQueries } from '../../db/queries';
import type { ClinicData } from '../services/clinic-data';

/** Binds the services' view of the database to the real queries and store in db/. */
export function bindClinicData(handle: ClinicDatabase, dataDir: string): ClinicData {
  return {
    ...clinicQueries(handle.orm),
    store: handle.store,
    dataDir,
    async bulkLoad(load, onRebuild) {
      deferProjections(handle);
      try {
        return await load();
      } finally {
        rebuildProjectionsSync(handle, onRebuild);
      }
    },
  };
}
