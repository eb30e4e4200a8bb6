/**
 * A replication that fails must stop where it failed. PouchDB's replicator, when a changes request
 * fails while a batch is being fetched, drops the batches it had queued but lets the batch in
 * flight run on; that batch then reads further changes and checkpoints past the dropped ones, and
 * their documents are never fetched again. `replicatePhase` cancels on the failure, so the
 * checkpoint only ever covers what was written.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTemporaryDatabase, type TemporaryDatabase } from '../../db/testing/fixtures';
import { startPeerServer, type PeerServer } from './testing/peer-server/start';
import { clinicPouchDB, openLocalPouch } from './pouch-adapter';
import { asReplicationSource, openRemoteDatabase } from './remote-db';
import { nodeHttpFetch } from './http-fetch';
import type { RemoteFetch } from './remote-fetch';
import { replicatePhase } from './replicate-phase';
import { adminOf, clinicPassword, setUpCounty, snapshotRemote, snapshotStore } from './testing/clinic-fixture';

const CODE = 'rp01';
const BATCH = 4;

describe('replicatePhase after a failure', () => {
  let peer: PeerServer;
  let db: TemporaryDatabase;
  const PouchDB = clinicPouchDB();
  const remote = (fetch?: RemoteFetch, server = peer) =>
    asReplicationSource(
      openRemoteDatabase(PouchDB, { serverUrl: server.url, username: `clinic_${CODE}`, password: clinicPassword(CODE) }, `clinic_${CODE}`, {
        timeoutMs: 10_000,
        fetch,
      }),
    );
  const seedCounty = async (server: PeerServer) => {
    await setUpCounty(server, [CODE]);
    const docs = Array.from({ length: 3 * BATCH }, (_, i) => ({ _id: `remote:${String(i).padStart(2, '0')}`, type: 'archive_scan', clinic_code: CODE, n: i }));
    expect((await adminOf(server).request('POST', `/clinic_${CODE}/_bulk_docs`, { docs })).status).toBe(201);
  };

  beforeAll(async () => {
    peer = await startPeerServer();
    await seedCounty(peer);
    db = openTemporaryDatabase();
  });
  afterAll(async () => {
    db?.dispose();
    await peer.stop();
  });

  it('does not checkpoint past batches it dropped when a changes request fails mid-batch', async () => {
    const inner = nodeHttpFetch();
    let changesPages = 0;
    let firstBulkGet = true;
    const faulty: RemoteFetch = async (url, init) => {
      if (url.includes('/_changes')) {
        changesPages += 1;
        // The third page of changes (read ahead while the first batch is fetched) fails.
        if (changesPages === 3) throw Object.assign(new Error('connection reset by the test'), { code: 'ECONNRESET' });
      }
      if (url.includes('/_bulk_get') && firstBulkGet) {
        // The first batch's documents are slow to come, so the failure lands while it is in flight.
        firstBulkGet = false;
        await new Promise((resolve) => setTimeout(resolve, 400));
      }
      return inner(url, init);
    };

    const failed = replicatePhase(PouchDB, remote(faulty), openLocalPouch(db.store), { batchSize: BATCH, batchesLimit: 2 }).done;
    await expect(failed).rejects.toThrow();
    expect(changesPages).toBe(3);
    // Give whatever the replicator left running time to finish (and, before the fix, to checkpoint).
    await new Promise((resolve) => setTimeout(resolve, 1_500));

    const clean = await replicatePhase(PouchDB, remote(), openLocalPouch(db.store), { batchSize: BATCH, batchesLimit: 2 }).done;
    expect(clean.cancelled).toBe(false);
    const local = snapshotStore(db.store);
    const county = await snapshotRemote(adminOf(peer), `clinic_${CODE}`);
    expect(Object.keys(county)).toHaveLength(3 * BATCH);
    expect(local).toEqual(county);
  });

  it('keeps using _bulk_get after the first one to a server failed', async () => {
    // PouchDB's HTTP adapter, left to itself, takes a failed first _bulk_get to mean the server
    // lacks the endpoint and, for as long as the process lives, fetches each document with its own
    // GET ?open_revs. Ours asks _bulk_get directly (bulk-get.ts): the failed pull is reported, and
    // the next one fetches in batches again. A server this process has not pulled from yet:
    const other = await startPeerServer();
    await seedCounty(other);
    const inner = nodeHttpFetch();
    let bulkGets = 0;
    let singleGets = 0;
    const fetch: RemoteFetch = async (url, init) => {
      if (url.includes('/_bulk_get') && ++bulkGets === 1) throw Object.assign(new Error('connection reset by the test'), { code: 'ECONNRESET' });
      if (url.includes('open_revs')) singleGets += 1;
      return inner(url, init);
    };
    const target = openTemporaryDatabase();
    try {
      const phase = () => replicatePhase(PouchDB, remote(fetch, other), openLocalPouch(target.store), { batchSize: BATCH, batchesLimit: 2 }).done;
      await expect(phase()).rejects.toMatchObject({ code: 'ECONNRESET' });
      const pulled = await phase();
      expect(pulled.docsWritten).toBeGreaterThanOrEqual(3 * BATCH);
      expect(singleGets).toBe(0);
      expect(bulkGets).toBeGreaterThanOrEqual(1 + 3);
      expect(snapshotStore(target.store)).toEqual(await snapshotRemote(adminOf(other), `clinic_${CODE}`));
    } finally {
      target.dispose();
      await other.stop();
    }
  });
});
