import https from 'node:https';
import { afterEach, describe, expect, it } from 'vitest';
import { makePatient, openTemporaryDatabase, type TemporaryDatabase } from '../../db/testing/fixtures';
import { clinicPouchDB, openLocalPouch } from '../sync';
import { openHubDatabase } from './hub-remote';
import { HUB_MESSAGES, HubError } from './messages';
import { pairWithHub } from './pairing-client';
import { PAIRING_CODE_TTL_MS } from './pairing-codes';
import { asCertificateMismatch, pinnedAgent } from './pinned-tls';
import { hubRequest, startTestHub, type TestHub } from './testing/hub-fixture';

const hubs: TestHub[] = [];
const pcs: TemporaryDatabase[] = [];
afterEach(async () => {
  for (const h of hubs.splice(0)) await h.dispose();
  for (const db of pcs.splice(0)) db.dispose();
});

async function hubWithPatient(options: { now?: () => Date } = {}): Promise<TestHub> {
  const hub = await startTestHub(options);
  hubs.push(hub);
  hub.db.store.bulkDocs([makePatient(1)]);
  return hub;
}

/** What must not change when a request is refused: the hub's documents and its list of workstations. */
function hubFootprint(hub: TestHub) {
  return { updateSeq: hub.db.store.info().updateSeq, workstations: hub.host.workstations().length };
}

async function refusal(promise: Promise<unknown>): Promise<HubError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(HubError);
  return error as HubError;
}

describe('pairing refusals', () => {
  it('refuses a wrong code, and after five wrong codes withdraws the code shown', async () => {
    const hub = await hubWithPatient();
    const { code } = hub.host.newPairingCode();
    const before = hubFootprint(hub);
    const wrong = code === '00000000' ? '11111111' : '00000000';
    const attempt = () => pairWithHub({ address: hub.address, code: wrong, fingerprint: hub.pin.fingerprint, label: '诊室 1' });
    for (let i = 0; i < 4; i += 1) expect((await refusal(attempt())).message).toBe(HUB_MESSAGES.HUB_CODE_WRONG);
    expect((await refusal(attempt())).code).toBe('HUB_CODE_WITHDRAWN');
    // The right code is of no use any more: the administrator must show a new one.
    expect((await refusal(pairWithHub({ address: hub.address, code, fingerprint: hub.pin.fingerprint, label: '诊室 1' }))).code).toBe('HUB_CODE_WITHDRAWN');
    expect(hubFootprint(hub)).toEqual(before);
  });

  it('refuses an expired code and a code used once already', async () => {
    let now = Date.parse('2026-12-03T08:00:00Z');
    const hub = await hubWithPatient({ now: () => new Date(now) });
    const first = hub.host.newPairingCode();
    now += PAIRING_CODE_TTL_MS + 1;
    const expired = await refusal(pairWithHub({ address: hub.address, code: first.code, fingerprint: hub.pin.fingerprint, label: '诊室 1' }));
    expect(expired.message).toBe(HUB_MESSAGES.HUB_CODE_EXPIRED);
    expect(hub.host.workstations()).toHaveLength(0);

    const second = hub.host.newPairingCode();
    await pairWithHub({ address: hub.address, code: second.code, fingerprint: hub.pin.fingerprint, label: '诊室 1' });
    const before = hubFootprint(hub);
    const reused = await refusal(pairWithHub({ address: hub.address, code: second.code, fingerprint: hub.pin.fingerprint, label: '诊室 2' }));
    expect(reused.message).toBe(HUB_MESSAGES.HUB_CODE_USED);
    expect(hubFootprint(hub)).toEqual(before);
  });

  it('stops before sending the code when the fingerprint typed is not the certificate’s', async () => {
    const hub = await hubWithPatient();
    const { code } = hub.host.newPairingCode();
    const other = await startTestHub();
    hubs.push(other);
    const mismatch = await refusal(pairWithHub({ address: hub.address, code, fingerprint: other.pin.fingerprint.slice(0, 23), label: '诊室 1' }));
    expect(mismatch.message).toBe(HUB_MESSAGES.HUB_FINGERPRINT_MISMATCH);
    expect(hub.host.workstations()).toHaveLength(0);
    // The code never reached the hub, so it is still good; the first 16 digits are enough to compare.
    const paired = await pairWithHub({ address: hub.address, code, fingerprint: hub.pin.fingerprint.slice(0, 23).toLowerCase(), label: '诊室 1' });
    expect(paired.fingerprint).toBe(hub.pin.fingerprint);
  });
});

describe('replication refusals', () => {
  it('refuses requests without credentials or with a wrong secret (401)', async () => {
    const hub = await hubWithPatient();
    const paired = await pairWithHub({ address: hub.address, ...hub.host.newPairingCode(), fingerprint: hub.pin.fingerprint, label: '诊室 1' });
    const none = await hubRequest(hub, 'GET', '/clinic_demo01/_changes');
    expect(none).toMatchObject({ status: 401, body: { reason: HUB_MESSAGES.HUB_NO_CREDENTIALS } });
    const wrong = await hubRequest(hub, 'GET', '/clinic_demo01', { auth: { user: paired.account, secret: 'guess' } });
    expect(wrong).toMatchObject({ status: 401, body: { reason: HUB_MESSAGES.HUB_BAD_CREDENTIALS } });
    const pushed = await hubRequest(hub, 'POST', '/clinic_demo01/_bulk_docs', { body: { docs: [makePatient(9)], new_edits: false } });
    expect(pushed.status).toBe(401);
    expect(hub.db.store.info().updateSeq).toBe(1);
  });

  it('refuses everything but the replication endpoints of the centre’s database', async () => {
    const hub = await hubWithPatient();
    const paired = await pairWithHub({ address: hub.address, ...hub.host.newPairingCode(), fingerprint: hub.pin.fingerprint, label: '诊室 1' });
    const auth = { user: paired.account, secret: paired.secret };
    const before = hubFootprint(hub);
    const patient = makePatient(5);
    const refused: Array<[string, string, unknown?]> = [
      ['GET', '/_all_dbs'],
      ['GET', '/_config'],
      ['GET', '/_users/org.couchdb.user:admin'],
      ['POST', '/_session', { name: 'admin', password: 'x' }],
      ['POST', '/_replicate', { source: 'clinic_demo01', target: 'https://elsewhere.example/db' }],
      ['PUT', '/clinic_demo01'],
      ['DELETE', '/clinic_demo01'],
      ['PUT', `/clinic_demo01/${encodeURIComponent(patient._id)}`, patient],
      ['POST', '/clinic_demo01', patient],
      ['POST', '/clinic_demo01/_bulk_docs', { docs: [patient] }],
      ['POST', '/clinic_demo01/_bulk_docs', { docs: [{ _id: '_design/x', _rev: '1-abc', views: {} }], new_edits: false }],
      ['GET', '/clinic_demo01/_design/x'],
      ['GET', '/clinic_demo01/_changes?filter=app/mine'],
      ['GET', '/clinic_demo01/_changes?filter=_view&view=app/all'],
      ['GET', `/clinic_demo01/${encodeURIComponent(patient._id)}/scan.png`],
      ['POST', '/clinic_demo01/_compact'],
      ['GET', '/clinic_demo01/_security'],
      ['GET', '/clinic_demo01/_local/_security'],
    ];
    for (const [method, path, body] of refused) {
      const reply = await hubRequest(hub, method, path, { auth, body });
      expect([403, 405], `${method} ${path}`).toContain(reply.status);
      expect(reply.body.reason, `${method} ${path}`).toBe(HUB_MESSAGES.HUB_NOT_REPLICATION);
    }
    expect(await hubRequest(hub, 'GET', '/clinic_other', { auth })).toMatchObject({ status: 404, body: { reason: HUB_MESSAGES.HUB_OTHER_DATABASE } });
    expect(hubFootprint(hub)).toEqual(before);
    // The replication endpoints themselves answer.
    expect((await hubRequest(hub, 'GET', '/clinic_demo01', { auth })).status).toBe(200);
    expect((await hubRequest(hub, 'GET', '/clinic_demo01/_changes?style=all_docs', { auth })).body.results).toHaveLength(1);
  });

  it('refuses a revoked workstation at once and ends its live feeds', async () => {
    const hub = await hubWithPatient();
    const paired = await pairWithHub({ address: hub.address, ...hub.host.newPairingCode(), fingerprint: hub.pin.fingerprint, label: '诊室 1' });
    const feedEnded = new Promise<void>((resolve, reject) => {
      const headers = { authorization: `Basic ${Buffer.from(`${paired.account}:${paired.secret}`).toString('base64')}` };
      const request = https.get(
        `${hub.address}/clinic_demo01/_changes?feed=continuous&since=now&heartbeat=1000`,
        { headers, agent: pinnedAgent(paired) },
        (res) => {
          expect(res.statusCode).toBe(200);
          res.on('data', () => {});
          res.on('close', () => resolve());
          res.on('error', () => resolve());
          setTimeout(() => hub.host.revoke(paired.workstationNumber), 200);
        },
      );
      request.on('error', () => resolve());
      setTimeout(() => reject(new Error('the live feed stayed open after revoking')), 5_000);
    });
    await feedEnded;
    const before = hubFootprint(hub);
    const reply = await hubRequest(hub, 'GET', '/clinic_demo01', { auth: { user: paired.account, secret: paired.secret } });
    expect(reply).toMatchObject({ status: 403, body: { reason: HUB_MESSAGES.HUB_REVOKED } });
    const pc = openTemporaryDatabase();
    pcs.push(pc);
    pc.store.bulkDocs([makePatient(7)]);
    const PouchDB = clinicPouchDB();
    await expect(PouchDB.replicate(openLocalPouch(pc.store), openHubDatabase(paired))).rejects.toMatchObject({ status: 403 });
    expect(hubFootprint(hub)).toEqual(before);
    expect(hub.host.workstations()[0].revokedAt).not.toBeNull();
  });

  it('refuses a hub whose certificate is not the one pinned at pairing, before anything is sent', async () => {
    const hub = await hubWithPatient();
    const paired = await pairWithHub({ address: hub.address, ...hub.host.newPairingCode(), fingerprint: hub.pin.fingerprint, label: '诊室 1' });
    // Another PC now answers at an address the workstation was given (a reinstalled hub, or a stranger).
    const impostor = await hubWithPatient();
    const pc = openTemporaryDatabase();
    pcs.push(pc);
    pc.store.bulkDocs([makePatient(8)]);
    const before = { pc: pc.store.info().updateSeq, impostor: hubFootprint(impostor) };
    const PouchDB = clinicPouchDB();
    const error = await PouchDB.replicate(openLocalPouch(pc.store), openHubDatabase({ ...paired, address: impostor.address })).then(
      () => null,
      (e: unknown) => e,
    );
    expect(asCertificateMismatch(error)?.message).toBe(HUB_MESSAGES.HUB_CERTIFICATE_MISMATCH);
    await expect(PouchDB.replicate(openHubDatabase({ ...paired, address: impostor.address }), openLocalPouch(pc.store))).rejects.toBeTruthy();
    expect({ pc: pc.store.info().updateSeq, impostor: hubFootprint(impostor) }).toEqual(before);
  });
});
