/** The scheduler drives the real engine: a failed run is retried, a successful one waits for the window. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from './clock';
import { startPeerServer, type PeerServer } from './testing/peer-server/start';
import { createSyncService } from './service';
import { clinicPassword, setUpCounty, TEST_BATCHING } from './testing/clinic-fixture';
import { openTemporaryDatabase, makePatient, type TemporaryDatabase } from '../../db/testing/fixtures';
import { closedLoopbackPort } from './testing/ports';

describe('sync service', () => {
  let peer: PeerServer;
  let db: TemporaryDatabase;
  beforeAll(async () => {
    peer = await startPeerServer();
    await setUpCounty(peer, ['sv01']);
    db = openTemporaryDatabase();
  });
  afterAll(async () => {
    db.dispose();
    await peer.stop();
  });

  it('retries after the line fails, succeeds when it is back, then waits for the next window', async () => {
    const clock = manualClock(new Date(2025, 4, 6, 14, 0).getTime());
    const deadPort = await closedLoopbackPort();
    const sync = createSyncService({
      store: db.store,
      clinicCode: 'sv01',
      endpoint: { serverUrl: `http://127.0.0.1:${deadPort}`, username: 'clinic_sv01', password: clinicPassword('sv01') },
      batching: TEST_BATCHING,
      clock,
      backoff: { initialMs: 60_000, jitter: 0 },
    });
    db.store.bulkDocs([makePatient(1, { clinic_code: 'sv01' })]);
    sync.engine.refreshPending();
    sync.start();
    const failed = await sync.syncNow();
    expect(failed.ok || failed.error.code).toBe('SYNC_HOST_UNREACHABLE');
    expect(sync.status()).toMatchObject({ state: 'paused', pendingChanges: 1, nextRun: { trigger: 'retry' } });

    // The network comes back (the county address was wrong in this test; now it is right).
    sync.engine.setEndpoint({ serverUrl: peer.url, username: 'clinic_sv01', password: clinicPassword('sv01') });
    const finished = new Promise((resolve) => sync.engine.once('run', resolve));
    sync.networkReturned();
    await finished;
    await new Promise((resolve) => setTimeout(resolve, 0)); // let the scheduler plan the next run
    expect(sync.status()).toMatchObject({ state: 'idle', pendingChanges: 0, lastError: null, nextRun: { trigger: 'nightly' } });
    expect(sync.engine.history().map((r) => [r.trigger, r.outcome])).toEqual([
      ['network-returned', 'ok'],
      ['manual', 'error'],
    ]);
    sync.stop();
  });
});
