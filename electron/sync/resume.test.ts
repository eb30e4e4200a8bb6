/**
 * Killing the app mid-sync and starting it again: the sync resumes from the checkpoint and the
 * county receives only what it had not received yet (counted on the way in, by a proxy in front of
 * the server), not everything again; against Apache CouchDB 3 and express-pouchdb alike.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openClinicDatabase } from '../../db/open';
import { makePatient, temporaryDirectory } from '../../db/testing/fixtures';
import { countySetup } from './county-setup';
import { isNeverPushed } from './reference-data';
import { startCountingProxy, type CountingProxy } from './testing/counting-proxy';
import { COUNTY_PEERS, type CountyPeer } from './testing/peers';
import { adminOf, clinicPassword, snapshotRemote, snapshotStore } from './testing/clinic-fixture';
import { startFaultProxy, type FaultProxy } from './testing/fault-proxy';
import { spawnTsScript } from './testing/spawn-ts';

const APP = path.join(path.dirname(fileURLToPath(import.meta.url)), 'testing', 'sync-app.ts');
const DOCS = 400;
const BATCH = 20;

describe.each(COUNTY_PEERS)('kill mid-sync, restart ($name)', (choice) => {
  let peer: CountyPeer;
  let counter: CountingProxy;
  let proxy: FaultProxy;
  const received = (): number => counter.bulkDocsReceived('clinic_kz01');
  beforeAll(async () => {
    peer = await choice.start();
    counter = await startCountingProxy({ host: '127.0.0.1', port: peer.port });
    await countySetup({
      serverUrl: peer.url,
      adminUser: peer.admin.user,
      adminPassword: peer.admin.password,
      clinicCode: 'kz01',
      clinicPassword: clinicPassword('kz01'),
    });
    // A slow line, so the kill lands in the middle of the transfer.
    proxy = await startFaultProxy({ target: { host: '127.0.0.1', port: Number(new URL(counter.url).port) }, seed: 3, mode: { kind: 'pass', maxDelayMs: 15 } });
  });
  afterAll(async () => {
    await proxy.close();
    await counter.close();
    await peer.stop();
  });

  it('resumes from the checkpoint without re-sending everything', async () => {
    const dir = temporaryDirectory('clinic-kill-');
    const file = path.join(dir, 'clinic.db');
    const seed = openClinicDatabase(file, { slowQueryLog: false });
    seed.store.bulkDocs(Array.from({ length: DOCS }, (_, i) => makePatient(10_000 + i, { clinic_code: 'kz01' })));
    seed.close();
    const env = { SYNC_CLINIC_CODE: 'kz01', SYNC_PASSWORD: clinicPassword('kz01'), SYNC_BATCH_SIZE: String(BATCH) };

    const first = spawnTsScript(APP, [file], { ...env, SYNC_SERVER_URL: proxy.url });
    expect((await first.ready).pending).toBe(DOCS);
    // Kill once the server has taken a good part, but not all, of the documents.
    for (;;) {
      if (received() >= DOCS / 4) break;
      if (first.child.exitCode !== null) throw new Error(`app ended before the kill: ${first.stderr()}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    first.child.kill('SIGKILL');
    expect((await first.exited).signal).toBe('SIGKILL');
    const receivedBeforeKill = received();
    expect(receivedBeforeKill).toBeLessThan(DOCS);

    const second = spawnTsScript(APP, [file], { ...env, SYNC_SERVER_URL: counter.url });
    const restarted = await second.ready;
    // The restarted app knows how much is left from its own checkpoint, before talking to anyone.
    expect(restarted.pending).toBeLessThanOrEqual(DOCS - receivedBeforeKill + BATCH);
    await second.exited;
    const done = second.messages.find((m) => 'done' in m);
    expect(done, second.stderr()).toMatchObject({ done: { ok: true }, pending: 0 });

    const total = received();
    // Everything arrived; at most the batch in flight at the kill was sent twice.
    expect(total).toBeGreaterThanOrEqual(DOCS);
    expect(total).toBeLessThanOrEqual(DOCS + BATCH);
    const reopened = openClinicDatabase(file, { slowQueryLog: false });
    try {
      expect(await snapshotRemote(adminOf(peer), 'clinic_kz01')).toEqual(snapshotStore(reopened.store, isNeverPushed));
    } finally {
      reopened.close();
    }
  });
});
