/**
 * Convergence under a bad line: a TCP proxy between the clinic and the county drops, delays, resets
 * and cuts connections at random points (seeded). Over 50 runs, retrying after each failure, both
 * sides end with the same document ids, leaves and winning revisions: nothing lost, nothing
 * duplicated; against Apache CouchDB 3 and express-pouchdb alike. Small document counts per run
 * keep each peer's runs within a minute or so.
 *
 * Regression (PouchDB's replicator calls `src.info()` after each batch without handling failure):
 * vitest fails the run on any unhandled rejection, which this test used to produce; see
 * `asReplicationSource` in remote-db.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isNeverPushed } from './reference-data';
import { COUNTY_PEERS, type CountyPeer } from './testing/peers';
import { adminOf, openTestClinic, setUpClinicOnCounty, snapshotRemote, snapshotStore, TEST_BATCHING } from './testing/clinic-fixture';
import { startFaultProxy, type FaultKind } from './testing/fault-proxy';
import { seededRandom } from './testing/seeded-random';

const RUNS = 50;

describe.each(COUNTY_PEERS)('convergence through a faulty line ($name)', (choice) => {
  let peer: CountyPeer;
  beforeAll(async () => {
    peer = await choice.start();
  });
  afterAll(async () => {
    await peer.stop();
  });

  it(`converges in ${RUNS} seeded runs of drops, resets, cuts, stalls and delays`, async () => {
    const admin = adminOf(peer);
    const totals: Record<FaultKind, number> = { drop: 0, 'reset-request': 0, 'reset-response': 0, 'close-response': 0, stall: 0 };
    let failedAttempts = 0;
    for (let seed = 1; seed <= RUNS; seed++) {
      const random = seededRandom(seed * 7919);
      const code = `fz${String(seed).padStart(2, '0')}`;
      await setUpClinicOnCounty(peer, code, { referenceDatabase: 'county_reference' });
      // Another workstation already sent a few records: every run pulls as well as pushes.
      const remoteDocs = Array.from({ length: random.int(1, 4) }, (_, i) => ({ _id: `remote:${i}`, type: 'archive_scan', clinic_code: code, n: i }));
      expect((await admin.request('POST', `/clinic_${code}/_bulk_docs`, { docs: remoteDocs })).status).toBe(201);

      const proxy = await startFaultProxy({
        target: { host: '127.0.0.1', port: peer.port },
        seed,
        mode: {
          kind: 'faulty',
          faults: random.int(1, 4),
          faultProbability: 0.6,
          maxDelayMs: 3,
          maxCutBytes: 4000,
          // Stalls cost a full request deadline each; a few runs get them.
          kinds: seed % 10 === 0 ? ['stall', 'reset-response'] : ['drop', 'reset-request', 'reset-response', 'close-response'],
        },
      });
      // Every other run sends its request bodies compressed, as on a rural line.
      const batching = { ...TEST_BATCHING, batchSize: 4, requestTimeoutMs: 800, compressRequests: seed % 2 === 0 };
      const clinic = openTestClinic(code, proxy.url, { batching });
      try {
        const ids = clinic.addPatients(random.int(3, 10));
        const edited = clinic.store.get(ids[0])!;
        clinic.store.bulkDocs([{ ...edited, phone: '13912345678' }]);
        clinic.store.bulkDocs([
          { _id: 'scan:1', type: 'archive_scan', clinic_code: code, _attachments: { 'p.png': { content_type: 'image/png', data: Buffer.alloc(3000, seed) } } },
        ]);

        let outcome = await clinic.engine.run('nightly');
        let attempts = 1;
        while (!outcome.ok && attempts < 20) {
          expect(outcome.error.retryable, `seed ${seed}: ${outcome.error.code} ${outcome.error.detail}`).toBe(true);
          failedAttempts += 1;
          outcome = await clinic.engine.run('retry');
          attempts += 1;
        }
        expect(outcome, `seed ${seed} did not converge`).toEqual({ ok: true });

        const local = snapshotStore(clinic.store, isNeverPushed);
        const remote = await snapshotRemote(admin, `clinic_${code}`);
        expect(remote, `seed ${seed}`).toEqual(local);
        expect(Object.keys(local)).toHaveLength(ids.length + 1 + remoteDocs.length);
        expect(clinic.engine.status().pendingChanges).toBe(0);
        const stats = proxy.stats();
        for (const kind of Object.keys(totals) as FaultKind[]) totals[kind] += stats.faults[kind];
      } finally {
        clinic.dispose();
        await proxy.close();
      }
    }
    // The test must have been able to fail: faults really happened and really broke runs.
    expect(totals.drop + totals['reset-request'] + totals['reset-response'] + totals['close-response']).toBeGreaterThan(RUNS);
    expect(totals.stall).toBeGreaterThan(0);
    expect(failedAttempts).toBeGreaterThan(RUNS / 5);
  }, 300_000);
});
