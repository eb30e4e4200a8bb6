/**
 * Opening the local store as a PouchDB database for the replicator.
 *
 *   const local = openLocalPouch(store);                        // everything
 *   const pushView = openLocalPouch(store, { hideId: isNeverPushed, viewName: 'push' });
 */
import type { DocumentStoreApi } from '../../../db/store/types';
import { pouchdb, type PouchDatabase, type PouchStatic } from '../pouch';
import { CLINIC_ADAPTER, ClinicStoreView, clinicSqliteAdapter } from './adapter';

export { CLINIC_ADAPTER, ClinicStoreView } from './adapter';

let registered = false;

/** PouchDB with HTTP, replication and the clinic-sqlite adapter registered. */
export function clinicPouchDB(): PouchStatic {
  const PouchDB = pouchdb();
  if (!registered) {
    PouchDB.adapter(CLINIC_ADAPTER, clinicSqliteAdapter, false);
    registered = true;
  }
  return PouchDB;
}

export function openLocalPouch(store: DocumentStoreApi, options: { name?: string; hideId?: (id: string) => boolean; viewName?: string } = {}): PouchDatabase {
  const PouchDB = clinicPouchDB();
  return new PouchDB(options.name ?? 'clinic', {
    adapter: CLINIC_ADAPTER,
    clinicStore: new ClinicStoreView(store, { hideId: options.hideId, viewName: options.viewName }),
  });
}
