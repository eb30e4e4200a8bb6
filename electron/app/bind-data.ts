import type { ClinicDatabase } from '../../db/open';
import { countUsers, getMeta, listDepartments, listUsers, nextCounterValue, setMeta } from '../../db/queries';
import type { ClinicData } from '../services/clinic-data';

/** Binds the services' view of the database to the real queries in db/. */
export function bindClinicData(handle: ClinicDatabase, dataDir: string): ClinicData {
  const { orm } = handle;
  return {
    store: handle.store,
    dataDir,
    listDepartments: (options) =>
      listDepartments(orm, { outpatientOnly: options?.outpatientOnly, activeOnly: false }).map((d) => ({
        code: d.code,
        name: d.name,
        outpatient: d.outpatient,
        active: d.active,
      })),
    listUsers: () =>
      listUsers(orm).map((u) => ({
        username: u.username,
        displayName: u.displayName,
        roles: [...u.roles],
        departmentCodes: [...u.departmentCodes],
        active: u.active,
      })),
    countUsers: () => countUsers(orm),
    getMeta: (key) => getMeta(orm, key),
    setMeta: (key, value) => setMeta(orm, key, value),
    nextCounter: (name) => nextCounterValue(orm, name),
  };
}
