/**
 * Scenario 6 through the router, as the first-run screen calls it: a clinic syncs to the county
 * (a real CouchDB-protocol server process); a new PC, not set up, is given the server, the clinic
 * code and the sync password, and gets everything back: the staff log in with their own accounts,
 * the patients are found, and the nightly sync carries on. A wrong password says so and sets up
 * nothing; trying again works.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makePatient } from '../../db/testing/fixtures';
import { openTestApp, TEST_ADMIN, TEST_SETUP } from '../app/testing';
import { countySetup } from '../sync/county-setup';
import { SyncEngine } from '../sync/engine';
import { startPeerServer, type PeerServer } from '../sync/testing/peer-server/start';

const CODE = TEST_SETUP.clinic.code;
const PASSWORD = 'county-sync-password-1';

async function restored(t: Awaited<ReturnType<typeof openTestApp>>) {
  await t.app.context.restore.settled();
  const status = await t.call('setup.restoreStatus', {});
  if (!status.ok) throw new Error(status.error.message);
  return status.value;
}

describe('setup: restoring a replacement PC from the county', () => {
  let peer: PeerServer;
  let original: Awaited<ReturnType<typeof openTestApp>>;
  const patientNames = ['王秀英', '李建国', '张桂兰'];

  beforeAll(async () => {
    peer = await startPeerServer();
    await countySetup({ serverUrl: peer.url, adminUser: peer.admin.user, adminPassword: peer.admin.password, clinicCode: CODE, clinicPassword: PASSWORD });
    original = await openTestApp({ initialized: true });
    const settings = original.app.context.data.store.get('settings:clinic');
    expect(settings).not.toBeNull();
    original.app.context.data.store.bulkDocs(patientNames.map((name, i) => makePatient(40_000 + i, { name, clinic_code: CODE })));
    const engine = new SyncEngine({
      store: original.app.context.data.store,
      clinicCode: CODE,
      endpoint: { serverUrl: peer.url, username: `clinic_${CODE}`, password: PASSWORD },
    });
    expect(await engine.run('manual')).toEqual({ ok: true });
  });
  afterAll(async () => {
    original?.close();
    await peer?.stop();
  });

  it('says plainly when the password is wrong, sets up nothing, and restores on the next try', async () => {
    const t = await openTestApp();
    try {
      const request = { serverUrl: peer.url, clinicCode: CODE, password: 'not-the-password', workstationId: 'W02' };
      expect(await t.call('setup.restoreFromCounty', request)).toMatchObject({ ok: true, value: { state: 'running' } });
      const failed = await restored(t);
      expect(failed).toMatchObject({ state: 'failed', error: { code: 'SYNC_AUTH_FAILED', retryable: false } });
      expect(failed.error?.message).toMatch(/密码/);
      expect(await t.call('setup.status', {})).toMatchObject({ ok: true, value: { initialized: false } });

      expect((await t.call('setup.restoreFromCounty', { ...request, password: PASSWORD })).ok).toBe(true);
      const done = await restored(t);
      expect(done).toMatchObject({ state: 'done', error: null, clinicName: TEST_SETUP.clinic.name });
      expect(done.docsDone).toBeGreaterThanOrEqual(patientNames.length);
      expect(done.rebuildTotal).toBeGreaterThan(0);
      expect(await t.call('setup.status', {})).toMatchObject({ ok: true, value: { initialized: true, clinicName: TEST_SETUP.clinic.name } });

      // The administrator logs in with the account made on the old PC, and finds the patients.
      const login = await t.call('auth.login', { username: TEST_ADMIN.username, password: TEST_ADMIN.password });
      expect(login.ok).toBe(true);
      const session = login.ok ? login.value.sessionToken : '';
      const found = await t.call('patients.search', { query: '王秀英' }, session);
      expect(found.ok && found.value.results.map((h) => h.name)).toContain('王秀英');
      // The nightly sync continues with the same county database; the password is kept (sealed).
      expect(await t.call('sync.getSettings', {}, session)).toMatchObject({ ok: true, value: { database: `clinic_${CODE}`, passwordSet: true } });
      // A restored PC cannot be restored over, nor set up again.
      expect(await t.call('setup.restoreFromCounty', request)).toMatchObject({ ok: false, error: { code: 'ALREADY_SET_UP' } });
      expect(await t.call('setup.initialize', TEST_SETUP)).toMatchObject({ ok: false, error: { code: 'ALREADY_SET_UP' } });
    } finally {
      t.close();
    }
  });

  it('says so when the county has nothing for that clinic code', async () => {
    await countySetup({ serverUrl: peer.url, adminUser: peer.admin.user, adminPassword: peer.admin.password, clinicCode: 'empty01', clinicPassword: PASSWORD });
    const t = await openTestApp();
    try {
      expect((await t.call('setup.restoreFromCounty', { serverUrl: peer.url, clinicCode: 'empty01', password: PASSWORD, workstationId: 'W01' })).ok).toBe(true);
      expect(await restored(t)).toMatchObject({ state: 'failed', error: { code: 'RESTORE_EMPTY' } });
      expect(await t.call('setup.status', {})).toMatchObject({ ok: true, value: { initialized: false } });
    } finally {
      t.close();
    }
  });
});
