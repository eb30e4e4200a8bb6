/**
 * Convergence of live replication under a bad line: one workstation reaches the centre's endpoint
 * through a TCP proxy that drops, resets and cuts connections at random points and delays what
 * passes (seeded, so a failure replays), the other directly; both write while the faults happen,
 * including an edit of the same patient on each side. In each of 50 runs, once the faults are
 * spent, the three replicas hold the same documents, leaves and winning revisions: nothing lost,
 * nothing duplicated. Against express-pouchdb and Apache CouchDB 3 alike.
 *
 * Stalls (a connection that goes silent) are left to live-replication.test.ts's killed endpoint:
 * each costs a whole request deadline, which here is longer than the long poll.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFaultProxy, type FaultKind } from '../sync/testing/fault-proxy';
import { seededRandom } from '../sync/testing/seeded-random';
import { CENTRE_ENDPOINTS, converged, openWorkstation, type CentreEndpoint } from './testing/centre';

const RUNS = Number(process.env.LAN_FAULT_RUNS ?? 50);

async function waitFor(check: () => boolean, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > until) throw new Error(`not within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe.each(CENTRE_ENDPOINTS)('live replication through a faulty line ($name)', (choice) => {
  let centre: CentreEndpoint;
  beforeAll(async () => {
    centre = await choice.start();
  }, 120_000);
  afterAll(async () => {
    await centre.stop();
  });

  it(`converges in ${RUNS} seeded runs of drops, resets, cuts and delays while both sides write`, async () => {
    const totals: Record<FaultKind, number> = { drop: 0, 'reset-request': 0, 'reset-response': 0, 'close-response': 0, stall: 0 };
    let failures = 0;
    for (let seed = 1; seed <= RUNS; seed++) {
      const random = seededRandom(seed * 104_729);
      const code = `lf${String(seed).padStart(2, '0')}`;
      await centre.addCentre(code);
      const proxy = await startFaultProxy({
        target: { host: '127.0.0.1', port: centre.port },
        seed,
        mode: {
          kind: 'faulty',
          faults: random.int(2, 6),
          faultProbability: 0.5,
          maxDelayMs: 5,
          maxCutBytes: 3000,
          kinds: ['drop', 'reset-request', 'reset-response', 'close-response'],
        },
      });
      const far = openWorkstation(code, centre.endpoint(code, proxy.url), { batchSize: 5 });
      const near = openWorkstation(code, centre.endpoint(code), { batchSize: 5 });
      far.replication.on('status', (s) => {
        if (s.state === 'unreachable') failures += 1;
      });
      try {
        const shared = far.addPatients(1)[0];
        let expected = 1;
        for (let burst = 0; burst < 3; burst++) {
          const [a, b] = [random.int(1, 6), random.int(0, 6)];
          far.addPatients(a);
          near.addPatients(b);
          expected += a + b;
          await new Promise((r) => setTimeout(r, random.int(5, 60)));
        }
        await waitFor(() => near.store.get(shared) !== null, 15_000);
        const edit = (w: typeof far, phone: string) => {
          const doc = w.store.get(shared);
          if (doc) w.store.bulkDocs([{ ...doc, phone }]);
        };
        edit(far, '13900000001');
        edit(near, '13900000002');

        const snapshot = await converged([() => far.snapshot(), () => near.snapshot(), () => centre.snapshot(code)], 30_000);
        expect(Object.keys(snapshot), `seed ${seed}`).toHaveLength(expected);
        const leaves = Object.values(snapshot).map((s) => s.leaves.length);
        expect(leaves.filter((n) => n !== 1).length, `seed ${seed}: only the patient edited on both sides may hold two leaves`).toBeLessThanOrEqual(1);
        await waitFor(() => far.replication.status().pendingChanges === 0, 10_000);
        const stats = proxy.stats();
        for (const kind of Object.keys(totals) as FaultKind[]) totals[kind] += stats.faults[kind];
      } finally {
        far.dispose();
        near.dispose();
        await proxy.close();
      }
    }
    // The test must have been able to fail: faults really happened and really broke the link.
    expect(totals.drop + totals['reset-request'] + totals['reset-response'] + totals['close-response']).toBeGreaterThan(RUNS);
    expect(failures).toBeGreaterThan(RUNS / 5);
  }, 900_000);
});
