/**
 * A county server holding a clinic's record, for the restore tests: the CouchDB-protocol peer as its
 * own process, county setup for the clinic, and an "old PC" (set up, a registrar, a few patients)
 * that synced to it before it died.
 */
import { makePatient } from '../../db/testing/fixtures';
import { openTestApp, TEST_SETUP } from '../../electron/app/testing';
import { countySetup } from '../../electron/sync/county-setup';
import { SyncEngine } from '../../electron/sync/engine';
import { startPeerServer, type PeerServer } from '../../electron/sync/testing/peer-server/start';

export const COUNTY_CLINIC_CODE = TEST_SETUP.clinic.code;
export const COUNTY_SYNC_PASSWORD = 'e2e-county-restore-2026';
export const OLD_PC_REGISTRAR = { username: 'front', displayName: '赵挂号', password: 'Front2026ok' } as const;

export async function startCountyWithClinic(patientNames: ReadonlyArray<string>): Promise<PeerServer> {
  const peer = await startPeerServer();
  const code = COUNTY_CLINIC_CODE;
  await countySetup({
    serverUrl: peer.url,
    adminUser: peer.admin.user,
    adminPassword: peer.admin.password,
    clinicCode: code,
    clinicPassword: COUNTY_SYNC_PASSWORD,
  });
  const original = await openTestApp({ initialized: true });
  try {
    const created = await original.call('admin.createUser', { ...OLD_PC_REGISTRAR, roles: ['registrar'], departmentCodes: [] }, original.adminSession);
    if (!created.ok) throw new Error(created.error.message);
    original.app.context.data.store.bulkDocs(patientNames.map((name, i) => makePatient(50_000 + i, { name, clinic_code: code })));
    const engine = new SyncEngine({
      store: original.app.context.data.store,
      clinicCode: code,
      endpoint: { serverUrl: peer.url, username: `clinic_${code}`, password: COUNTY_SYNC_PASSWORD },
    });
    const outcome = await engine.run('manual');
    if (!outcome.ok) throw new Error(`the old PC did not sync: ${outcome.error.code}`);
  } finally {
    original.close();
  }
  return peer;
}
