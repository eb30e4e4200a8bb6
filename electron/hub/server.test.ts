import { afterEach, describe, expect, it } from 'vitest';
import { makePatient, openTemporaryDatabase, type TemporaryDatabase } from '../../db/testing/fixtures';
import { openLocalPouch, clinicPouchDB } from '../sync';
import { openHubDatabase } from './hub-remote';
import { hubRemoteFactory } from './lan-remote';
import { pairWithHub, type HubPairing } from './pairing-client';
import { hubRequest, startTestHub, type TestHub } from './testing/hub-fixture';

let hub: TestHub | null = null;
const others: TemporaryDatabase[] = [];
afterEach(async () => {
  await hub?.dispose();
  hub = null;
  for (const db of others.splice(0)) db.dispose();
});

async function pairOne(h: TestHub, label = '挂号室 2'): Promise<HubPairing> {
  const { code } = h.host.newPairingCode();
  return pairWithHub({ address: h.address, code, fingerprint: h.pin.fingerprint, label });
}

describe('hub server', () => {
  it('pairs a workstation, which then replicates both ways with the hub', async () => {
    hub = await startTestHub();
    const onHub = makePatient(1);
    hub.db.store.bulkDocs([onHub]);
    const pairing = await pairOne(hub);
    expect(pairing).toMatchObject({
      workstationNumber: 'W02',
      account: 'ws_w02',
      database: 'clinic_demo01',
      clinicCode: 'demo01',
      fingerprint: hub.pin.fingerprint,
    });

    const pc = openTemporaryDatabase();
    others.push(pc);
    const onPc = makePatient(2);
    pc.store.bulkDocs([onPc]);
    const PouchDB = clinicPouchDB();
    const remote = openHubDatabase(pairing);
    await PouchDB.replicate(openLocalPouch(pc.store), remote);
    await PouchDB.replicate(remote, openLocalPouch(pc.store));
    expect(pc.store.get(onHub._id)?.name).toBe(onHub.name);
    expect(hub.db.store.get(onPc._id)?.name).toBe(onPc.name);
    expect(hub.host.workstations()).toMatchObject([{ workstationNumber: 'W02', label: '挂号室 2', revokedAt: null }]);
  });

  it('answers a longpoll _changes as soon as a workstation writes, and live replication carries it', async () => {
    hub = await startTestHub();
    const pairing = await pairOne(hub);
    const auth = { user: pairing.account, secret: pairing.secret };
    const since = hub.db.store.info().updateSeq;
    const waiting = hubRequest(hub, 'GET', `/clinic_demo01/_changes?feed=longpoll&since=${since}&heartbeat=1000`, { auth });
    await new Promise((resolve) => setTimeout(resolve, 300));
    const pc = openTemporaryDatabase();
    others.push(pc);
    const patient = makePatient(3);
    pc.store.bulkDocs([patient]);
    const live = clinicPouchDB().replicate(openLocalPouch(pc.store), openHubDatabase(pairing), { live: true });
    try {
      const answer = await waiting;
      expect(answer.status).toBe(200);
      expect((answer.body.results as Array<{ id: string }>).map((r) => r.id)).toEqual([patient._id]);
    } finally {
      live.cancel();
    }
    expect(hub.host.workstations()[0].pending).toBe(1);
  });

  it('opens the hub for the live replication through a pinned factory', async () => {
    hub = await startTestHub();
    const onHub = makePatient(4);
    hub.db.store.bulkDocs([onHub]);
    const pairing = await pairOne(hub);
    const pc = openTemporaryDatabase();
    others.push(pc);
    const remote = hubRemoteFactory(pairing, { timeoutMs: 10_000 })({ onRefused: () => {} });
    try {
      await clinicPouchDB().replicate(remote.db, openLocalPouch(pc.store));
    } finally {
      remote.close();
    }
    expect(pc.store.get(onHub._id)?.name).toBe(onHub.name);
  });
});
