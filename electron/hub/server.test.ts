import { afterEach, describe, expect, it } from 'vitest';
import { makePatient, openTemporaryDatabase, type TemporaryDatabase } from '../../db/testing/fixtures';
import { openLocalPouch, clinicPouchDB } from '../sync';
import { openHubDatabase } from './hub-remote';
import { HUB_MESSAGES } from './messages';
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
});
