import type { ClinicDatabase } from '../../db/open';
import { deferProjections, rebuildProjectionsSync } from '../../db/projections/rebuild';
import { deriveCountersFromRecord } from '../../db/queries/counter-recovery';
import {
  countUsers,
  findEncounterById,
  findEncountersByVisitNumber,
  findEncountersOfPatientOnDay,
  findLatestVisit,
  findPatientById,
  findPatientsByCard,
  findPatientsByIdNumber,
  findPatientsByInsuranceNumber,
  findPatientsByNameAndBirth,
  findPatientsByPhone,
  findPatientsMergedInto,
  findWinningRev,
  getMeta,
  highestVisitSequence,
  listDepartments,
  listEncountersOfDay,
  listRecentEncountersOfPatients,
  listUsers,
  nextCounterValue,
  queuePlaceOf,
  searchKeyExact,
  searchKeyPrefix,
  setMeta,
} from '../../db/queries';
import type { ClinicData } from '../services/clinic-data';

/** Binds the services' view of the database to the real queries in db/. */
export function bindClinicData(handle: ClinicDatabase, dataDir: string): ClinicData {
  const { orm } = handle;
  return {
    store: handle.store,
    dataDir,
    raiseCountersFromRecord: () => void deriveCountersFromRecord(orm),
    async bulkLoad(load, onRebuild) {
      deferProjections(handle);
      try {
        return await load();
      } finally {
        rebuildProjectionsSync(handle, onRebuild);
      }
    },
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
    patients: {
      byId: (id) => findPatientById(orm, id),
      byIdNumber: (idNumber) => findPatientsByIdNumber(orm, idNumber),
      byPhone: (phone) => findPatientsByPhone(orm, phone),
      byNameAndBirth: (name, birthDate, sex) => findPatientsByNameAndBirth(orm, name, birthDate, sex),
      byCard: (kind, number) => findPatientsByCard(orm, kind, number),
      byInsuranceNumber: (number) => findPatientsByInsuranceNumber(orm, number),
      mergedInto: (id) => findPatientsMergedInto(orm, id),
      searchExact: (kind, value, limit) => searchKeyExact(orm, kind, value, limit),
      searchPrefix: (kind, prefix, limit) => searchKeyPrefix(orm, kind, prefix, limit),
      latestVisit: (patientId) => findLatestVisit(orm, patientId),
    },
    encounters: {
      byId: (id) => findEncounterById(orm, id),
      byVisitNumber: (visitNumber) => findEncountersByVisitNumber(orm, visitNumber),
      ofDay: (date, filters) => listEncountersOfDay(orm, date, filters),
      recentOfPatients: (ids, limit) => listRecentEncountersOfPatients(orm, ids, limit),
      revOf: (id) => findWinningRev(orm, id),
      ofPatientOnDay: (patientId, date) => findEncountersOfPatientOnDay(orm, patientId, date),
      highestSequence: (prefix) => highestVisitSequence(orm, prefix),
      queuePlace: (visit) => queuePlaceOf(orm, visit),
    },
  };
}
