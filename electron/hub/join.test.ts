/**
 * 加入本院 through the router, with two app instances on real SQLite files: the hub (set up, hub
 * mode on 127.0.0.1, port 0) and a new PC. The new PC pairs, pulls the centre's record and ends at
 * the login with the centre's accounts; refused pairings write nothing on either side; afterwards
 * the workstation and the hub replicate both ways.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { makePatient } from '../../db/testing/fixtures';
import { openTestApp, TEST_ADMIN, TEST_SETUP } from '../app/testing';
import { clinicPouchDB, openLocalPouch } from '../sync';
import { openHubDatabase } from './hub-remote';
import { hubEndpointOf, readHubLink } from './link';
import { HUB_MESSAGES } from './messages';
import { keyFileSecretBox } from '../security/secret-box';

type TestApp = Awaited<ReturnType<typeof openTestApp>>;
const apps: TestApp[] = [];
afterEach(async () => {
  for (const t of apps.splice(0)) {
    await t.app.context.hub.stop();
    t.close();
  }
});

async function hubApp(): Promise<{ t: TestApp; address: string; fingerprint: string; code: () => Promise<string> }> {
  const t = await openTestApp({ initialized: true });
  apps.push(t);
  t.app.context.data.store.bulkDocs([makePatient(1, { name: '王秀英', clinic_code: TEST_SETUP.clinic.code })]);
  const enabled = await t.call('hub.enable', { host: '127.0.0.1', port: 0 }, t.adminSession);
  if (!enabled.ok) throw new Error(enabled.error.message);
  return {
    t,
    address: `127.0.0.1:${enabled.value.listeningPort}`,
    fingerprint: enabled.value.fingerprint ?? '',
    code: async () => {
      const made = await t.call('hub.newPairingCode', {}, t.adminSession);
      if (!made.ok) throw new Error(made.error.message);
      return made.value.code;
    },
  };
}

async function newPc(): Promise<TestApp> {
  const t = await openTestApp();
  apps.push(t);
  return t;
}

async function joined(t: TestApp) {
  await t.app.context.restore.settled();
  const status = await t.call('setup.restoreStatus', {});
  if (!status.ok) throw new Error(status.error.message);
  return status.value;
}

/** Everything a refused join could have left behind, on the new PC and on the hub. */
async function footprints(hub: TestApp, pc: TestApp) {
  const listed = await hub.call('hub.status', {}, hub.adminSession);
  return {
    pcDocuments: pc.app.context.data.store.info().updateSeq,
    pcLink: pc.app.context.data.meta.get('hub_link'),
    hubDocuments: hub.app.context.data.store.info().updateSeq,
    hubWorkstations: listed.ok ? listed.value.workstations.length : -1,
  };
}

describe('加入本院', () => {
  it('pairs a new PC, pulls the centre’s record, ends at the login, and then replicates both ways', async () => {
    const hub = await hubApp();
    const pc = await newPc();
    const started = await pc.call('hub.join', { address: hub.address, code: await hub.code(), fingerprint: hub.fingerprint, label: '挂号室 2' });
    expect(started.ok).toBe(true);
    expect(await joined(pc)).toMatchObject({ state: 'done', error: null, clinicName: TEST_SETUP.clinic.name });

    expect(await pc.call('setup.status', {})).toMatchObject({ ok: true, value: { initialized: true } });
    const login = await pc.call('auth.login', { username: TEST_ADMIN.username, password: TEST_ADMIN.password });
    expect(login.ok).toBe(true);
    const departments = await pc.call('admin.listDepartments', {}, login.ok ? login.value.sessionToken : '');
    expect(departments.ok && departments.value.map((d) => d.code)).toEqual(expect.arrayContaining(TEST_SETUP.departments.map((d) => d.code)));
    expect(pc.app.context.data.meta.get('workstation_id')).toBe('W02');

    const listed = await hub.t.call('hub.status', {}, hub.t.adminSession);
    expect(listed.ok && listed.value.workstations).toMatchObject([{ workstationNumber: 'W02', label: '挂号室 2', revokedAt: null }]);

    // The workstation's own write reaches the hub, and the hub's reaches the workstation.
    const link = readHubLink(pc.app.context.data.meta);
    expect(link).toMatchObject({ address: `https://${hub.address}`, fingerprint: hub.fingerprint, workstationNumber: 'W02' });
    expect(link?.sealedSecret).toMatch(/^sealed:v1:/);
    const remote = openHubDatabase(hubEndpointOf(link!, keyFileSecretBox(pc.dataDir)));
    const fromPc = makePatient(2, { name: '李建国', clinic_code: TEST_SETUP.clinic.code });
    const fromHub = makePatient(3, { name: '张桂兰', clinic_code: TEST_SETUP.clinic.code });
    pc.app.context.data.store.bulkDocs([fromPc]);
    hub.t.app.context.data.store.bulkDocs([fromHub]);
    const PouchDB = clinicPouchDB();
    const local = openLocalPouch(pc.app.context.data.store);
    await PouchDB.replicate(local, remote);
    await PouchDB.replicate(remote, local);
    expect(hub.t.app.context.data.patients.byId(fromPc._id)?.name).toBe('李建国');
    expect(pc.app.context.data.patients.byId(fromHub._id)?.name).toBe('张桂兰');
  });

  it('refuses a wrong code, a used code and a fingerprint that differs, plainly, writing nothing on either side', async () => {
    const hub = await hubApp();
    const pc = await newPc();
    const code = await hub.code();
    const before = await footprints(hub.t, pc);
    const wrongCode = await pc.call('hub.join', {
      address: hub.address,
      code: code === '12345678' ? '87654321' : '12345678',
      fingerprint: hub.fingerprint,
      label: '诊室 1',
    });
    expect(wrongCode).toMatchObject({ ok: false, error: { code: 'HUB_REFUSED', message: HUB_MESSAGES.HUB_CODE_WRONG } });
    const wrongFingerprint = await pc.call('hub.join', { address: hub.address, code, fingerprint: '00'.repeat(8), label: '诊室 1' });
    expect(wrongFingerprint).toMatchObject({ ok: false, error: { code: 'HUB_REFUSED', message: HUB_MESSAGES.HUB_FINGERPRINT_MISMATCH } });
    const nobody = await pc.call('hub.join', { address: '127.0.0.1:1', code, fingerprint: hub.fingerprint, label: '诊室 1' });
    expect(nobody).toMatchObject({ ok: false, error: { code: 'HUB_UNREACHABLE', message: HUB_MESSAGES.HUB_UNREACHABLE } });
    expect(await footprints(hub.t, pc)).toEqual(before);
    expect(await pc.call('setup.status', {})).toMatchObject({ ok: true, value: { initialized: false } });

    // The code still works once, and only once.
    const other = await newPc();
    expect((await other.call('hub.join', { address: hub.address, code, fingerprint: hub.fingerprint, label: '诊室 1' })).ok).toBe(true);
    await joined(other);
    const again = await pc.call('hub.join', { address: hub.address, code, fingerprint: hub.fingerprint, label: '诊室 2' });
    expect(again).toMatchObject({ ok: false, error: { code: 'HUB_REFUSED', message: HUB_MESSAGES.HUB_CODE_USED } });
    expect((await footprints(hub.t, pc)).pcLink).toBeNull();
  });

  it('revokes a workstation from the hub: audited, and its next pull is refused', async () => {
    const hub = await hubApp();
    const pc = await newPc();
    await pc.call('hub.join', { address: hub.address, code: await hub.code(), fingerprint: hub.fingerprint, label: '药房' });
    expect((await joined(pc)).state).toBe('done');
    const revoked = await hub.t.call('hub.revoke', { workstationNumber: 'W02' }, hub.t.adminSession);
    expect(revoked).toMatchObject({ ok: true, value: { workstationNumber: 'W02', revokedAt: expect.any(String) } });
    expect(JSON.stringify(hub.t.app.context.data.auditEvents.lastOf('W01'))).toContain('hub.revoke');
    const link = readHubLink(pc.app.context.data.meta)!;
    const PouchDB = clinicPouchDB();
    await expect(
      PouchDB.replicate(openHubDatabase(hubEndpointOf(link, keyFileSecretBox(pc.dataDir))), openLocalPouch(pc.app.context.data.store)),
    ).rejects.toMatchObject({
      status: 403,
    });
    const again = await hub.t.call('hub.revoke', { workstationNumber: 'W02' }, hub.t.adminSession);
    expect(again.ok).toBe(false);
  });
});
