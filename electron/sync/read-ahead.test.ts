/**
 * Pull read-ahead and the checkpoint cache, against Apache CouchDB 3 and express-pouchdb, each a
 * separate process: the same documents arrive as without them, each batch is fetched from the server once,
 * and a prefetch that is wrong or failed costs a repeated request, never a wrong answer.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makePatient, openTemporaryDatabase, type TemporaryDatabase } from '../../db/testing/fixtures';
import type { RevsDiffRequest, RevsDiffResponse } from '../../db/store/types';
import { withCheckpointCache } from './checkpoint-cache';
import { COUNTY_PEERS, type CountyPeer } from './testing/peers';
import { clinicPouchDB, openLocalPouch } from './pouch-adapter';
import type { PouchDatabase } from './pouch';
import { withReadAhead } from './read-ahead';
import { asReplicationSource, openRemoteDatabase } from './remote-db';
import { nodeHttpFetch } from './http-fetch';
import type { RemoteFetch } from './remote-fetch';
import { replicatePhase } from './replicate-phase';
import { adminOf, clinicPassword, setUpCounty, snapshotRemote, snapshotStore } from './testing/clinic-fixture';

const CODE = 'ra01';
const PATIENTS = 60;
const BATCH = 10;

interface WireLog {
  readonly requests: Array<{ method: string; path: string }>;
  count(method: string, pathPart: string): number;
}

/** PouchDB's own fetch, with every request written down, and a hook to fail some. */
function countingFetch(fail: (method: string, url: string, body: unknown) => boolean = () => false): { fetch: RemoteFetch; log: WireLog } {
  const inner = nodeHttpFetch();
  const requests: Array<{ method: string; path: string }> = [];
  return {
    log: {
      requests,
      count: (method, pathPart) => requests.filter((r) => r.method === method && r.path.includes(pathPart)).length,
    },
    fetch: async (url, init) => {
      const method = init?.method ?? 'GET';
      requests.push({ method, path: new URL(url).pathname });
      if (fail(method, url, init?.body)) throw Object.assign(new Error('connection reset by the test'), { code: 'ECONNRESET' });
      return inner(url, init);
    },
  };
}

describe.each(COUNTY_PEERS)('pull read-ahead and checkpoint cache ($name)', (choice) => {
  let peer: CountyPeer;
  /** Everything in the clinic's county database: the patients and the county's design document. */
  let total = 0;
  let batches = 0;
  const opened: TemporaryDatabase[] = [];
  const PouchDB = clinicPouchDB();

  const remote = (fetch: RemoteFetch): PouchDatabase =>
    openRemoteDatabase(PouchDB, { serverUrl: peer.url, username: `clinic_${CODE}`, password: clinicPassword(CODE) }, `clinic_${CODE}`, {
      timeoutMs: 10_000,
      fetch,
    });

  const freshStore = (): TemporaryDatabase => {
    const db = openTemporaryDatabase();
    opened.push(db);
    return db;
  };

  const pull = async (source: PouchDatabase, db: TemporaryDatabase) => {
    const result = await replicatePhase(PouchDB, source, openLocalPouch(db.store), { batchSize: BATCH, batchesLimit: 3 }).done;
    return result;
  };

  beforeAll(async () => {
    peer = await choice.start();
    await setUpCounty(peer, [CODE]);
    const admin = adminOf(peer);
    const docs = Array.from({ length: PATIENTS }, (_, i) => makePatient(500 + i, { clinic_code: CODE }));
    const response = await admin.request('POST', `/clinic_${CODE}/_bulk_docs`, { docs });
    expect(response.status).toBe(201);
    total = (await admin.request('GET', `/clinic_${CODE}`)).body.doc_count as number;
    expect(total).toBeGreaterThanOrEqual(PATIENTS);
    batches = Math.ceil(total / BATCH);
  });
  afterAll(async () => {
    for (const db of opened) db.dispose();
    await peer.stop();
  });

  it('fetches each batch once, ahead of the write, and ends with the same documents', async () => {
    const db = freshStore();
    const { fetch, log } = countingFetch();
    const { db: source, stats } = withReadAhead(asReplicationSource(remote(fetch)), { revsDiff: (r) => db.store.revsDiff(r), maxBatches: 3 });
    const result = await pull(source, db);
    expect(result.docsWritten).toBe(total);
    expect(snapshotStore(db.store)).toEqual(await snapshotRemote(adminOf(peer), `clinic_${CODE}`));
    // Every batch came from a prefetch, and no batch was asked for twice.
    expect(stats).toEqual({ hits: batches, misses: 0 });
    expect(log.count('POST', '/_bulk_get')).toBe(batches);
  });

  it('asks the server again when the prefetch was for other revisions', async () => {
    const db = freshStore();
    const { fetch, log } = countingFetch();
    // A local answer that is wrong for the prefetch (it claims one document more is missing than
    // the replicator will ask for): the prefetches never match, and the pull is still exact.
    const skewed = (request: RevsDiffRequest): RevsDiffResponse => ({ ...db.store.revsDiff(request), 'patient:not-there': { missing: ['1-abc'] } });
    const { db: source, stats } = withReadAhead(asReplicationSource(remote(fetch)), { revsDiff: skewed, maxBatches: 3 });
    const result = await pull(source, db);
    expect(result.docsWritten).toBe(total);
    expect(snapshotStore(db.store)).toEqual(await snapshotRemote(adminOf(peer), `clinic_${CODE}`));
    expect(stats.hits).toBe(0);
    expect(stats.misses).toBe(batches);
    expect(log.count('POST', '/_bulk_get')).toBeGreaterThan(batches);
  });

  it('asks the server again when a prefetch failed on the line', async () => {
    const db = freshStore();
    // The first request for the second and the third batch fails; asking again succeeds. (The first
    // request for a batch after the first is its prefetch: it goes out as soon as the changes for
    // that batch arrive, while the replicator is still on an earlier batch.)
    const seen: unknown[] = [];
    let failures = 0;
    const { fetch } = countingFetch((method, url, body) => {
      if (method !== 'POST' || !url.includes('_bulk_get') || seen.includes(body)) return false;
      seen.push(body);
      const fail = seen.length === 2 || seen.length === 3;
      if (fail) failures += 1;
      return fail;
    });
    const { db: source, stats } = withReadAhead(asReplicationSource(remote(fetch)), { revsDiff: (r) => db.store.revsDiff(r), maxBatches: 3 });
    const result = await pull(source, db);
    expect(failures).toBe(2);
    expect(result.docsWritten).toBe(total);
    expect(snapshotStore(db.store)).toEqual(await snapshotRemote(adminOf(peer), `clinic_${CODE}`));
    expect(stats.misses).toBe(2);
    expect(stats.hits).toBe(batches - 2);
  });

  it('reads the replication checkpoint from the server once, then from what it wrote', async () => {
    const db = freshStore();
    const { fetch, log } = countingFetch();
    const result = await pull(asReplicationSource(remote(fetch)), db);
    expect(result.docsWritten).toBe(total);
    const reads = log.requests.filter((r) => r.method === 'GET' && r.path.includes('/_local/')).length;
    const writes = log.requests.filter((r) => r.method === 'PUT' && r.path.includes('/_local/')).length;
    expect(writes).toBe(batches);
    expect(reads).toBe(1);
  });

  it('answers a checkpoint read with what the server holds, also after someone else changed it', async () => {
    const { fetch, log } = countingFetch();
    const db = withCheckpointCache(remote(fetch));
    const id = '_local/cache-test';
    const admin = adminOf(peer);
    const onServer = async (): Promise<unknown> => (await admin.request('GET', `/clinic_${CODE}/${id}`)).body.last_seq;
    const first = await db.put({ _id: id, last_seq: 1 });
    expect(await db.get(id)).toMatchObject({ _id: id, _rev: first.rev, last_seq: 1 });
    expect(log.count('GET', '/_local/cache-test')).toBe(0);

    // Another writer moves the document on, then we write naming the old revision.
    const other = await admin.request('PUT', `/clinic_${CODE}/${id}`, { _id: id, _rev: first.rev, last_seq: 7 });
    expect(other.status).toBe(201);
    const ours = db.put({ _id: id, _rev: first.rev, last_seq: 2 });
    let expected: number;
    if (choice.kind === 'express-pouchdb') {
      // PouchDB checks a local document's revision: ours is refused, and the next read asks the server.
      await expect(ours).rejects.toMatchObject({ status: 409 });
      expected = 7;
      expect(await db.get(id)).toMatchObject({ last_seq: expected });
      expect(log.count('GET', '/_local/cache-test')).toBe(1);
    } else {
      // CouchDB 3 does not check the revision of a `_local` document: the last write wins, on the
      // server as in the cache (and a replication's checkpoint has one writer: the run that owns it).
      await expect(ours).resolves.toMatchObject({ ok: true });
      expected = 2;
      expect(await db.get(id)).toMatchObject({ last_seq: expected });
    }
    expect(await onServer()).toBe(expected);

    // PouchDB's own helpers call with a callback; those calls go through and are answered.
    const viaCallback = await new Promise((resolve, reject) =>
      (db.get as unknown as (id: string, options: object, callback: (error: unknown, doc: unknown) => void) => void)(id, {}, (error, doc) =>
        error ? reject(error) : resolve(doc),
      ),
    );
    expect(viaCallback).toMatchObject({ last_seq: expected });
  });
});
