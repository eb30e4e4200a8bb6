/**
 * Live (continuous) changes over the store's change notifications (issue 9, item 9): the feed
 * hears local and replicated writes as they commit, stops on cancel, and carries PouchDB's live
 * `sync()` both ways, between two clinic stores in one process and through a CouchDB-protocol
 * peer (express-pouchdb in its own process), ending with the same winners and conflicts on
 * every side.
 */
import { isDeepStrictEqual } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { makePatient, openTemporaryDatabase, type TemporaryDatabase } from '../../../db/testing/fixtures';
import type { DocumentStoreApi } from '../../../db/store/types';
import type { PouchDatabase, PouchDoc, Replication } from '../pouch';
import { startPeerServer, type PeerServer } from '../testing/peer-server/start';
import { clinicPouchDB, openLocalPouch } from './index';

const PouchDB = clinicPouchDB();
const sync = (a: PouchDatabase, b: PouchDatabase): Replication =>
  (PouchDB as unknown as { sync(a: PouchDatabase, b: PouchDatabase, o: object): Replication }).sync(a, b, { live: true, retry: false, batch_size: 20 });

const opened: TemporaryDatabase[] = [];
function clinic(): TemporaryDatabase {
  const db = openTemporaryDatabase();
  opened.push(db);
  return db;
}
afterEach(() => {
  for (const db of opened.splice(0)) db.dispose();
});

/** Cancels a live replication and waits until it has stopped, before its stores are closed. */
async function stop(replication: Replication): Promise<void> {
  const done = new Promise<void>((resolve) => replication.on('complete', () => resolve()));
  replication.cancel();
  await done;
}

async function waitFor(what: string, condition: () => boolean | Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

interface LiveFeed {
  on(event: 'change', fn: (change: { id: string; seq: number; doc?: PouchDoc; deleted?: boolean }) => void): LiveFeed;
  on(event: 'complete', fn: (info: { status?: string }) => void): LiveFeed;
  on(event: 'error', fn: (error: unknown) => void): LiveFeed;
  cancel(): void;
}
const liveChanges = (db: PouchDatabase, options: object): LiveFeed => (db as unknown as { changes(o: object): LiveFeed }).changes({ live: true, ...options });

function localEdit(store: DocumentStoreApi, doc: Record<string, unknown> & { _id: string }): string {
  const [result] = store.bulkDocs([doc]);
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result.rev;
}

/** Every document's winner, conflicts and leaves, as one comparable value. */
function stateOf(store: DocumentStoreApi): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (let since = 0; ;) {
    const page = store.changes({ since, limit: 500, allLeaves: true });
    for (const row of page.results) {
      const winner = store.getOpenRevs(row.id, [row.changes[0].rev])[0];
      out[row.id] = { leaves: row.changes.map((c) => c.rev), deleted: row.deleted === true, body: 'ok' in winner ? { ...winner.ok } : null };
    }
    if (page.results.length < 500) break;
    since = page.results[page.results.length - 1].seq;
  }
  return out;
}

describe('live changes feed', () => {
  it('hears local and replicated writes as they commit, and nothing after cancel', async () => {
    const db = clinic();
    const before = makePatient(1);
    localEdit(db.store, before);
    const pouch = openLocalPouch(db.store);
    const heard: Array<[string, unknown]> = [];
    let completed: { status?: string } | undefined;
    const feed = liveChanges(pouch, { since: 0, include_docs: true })
      .on('change', (change) => heard.push([change.id, change.doc?.name]))
      .on('complete', (info) => {
        completed = info;
      });
    await waitFor('the existing document', () => heard.length === 1);

    const local = makePatient(2);
    localEdit(db.store, local);
    await waitFor('a local edit', () => heard.length === 2);
    const replicated = { ...makePatient(3), _rev: `1-${'a'.repeat(32)}` };
    db.store.bulkDocs([replicated], { newEdits: false });
    await waitFor('a replicated revision', () => heard.length === 3);
    expect(heard).toEqual([
      [before._id, before.name],
      [local._id, local.name],
      [replicated._id, replicated.name],
    ]);

    feed.cancel();
    await waitFor('the cancelled feed to complete', () => completed !== undefined);
    expect(completed).toMatchObject({ status: 'cancelled' });
    localEdit(db.store, makePatient(4));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(heard).toHaveLength(3);
  });

  it('leaves out what the view hides and starts from since', async () => {
    const db = clinic();
    const [a, b] = [makePatient(1), makePatient(2)];
    localEdit(db.store, a);
    const view = openLocalPouch(db.store, { hideId: (id) => id.startsWith('reference_'), viewName: 'push' });
    const heard: string[] = [];
    const feed = liveChanges(view, { since: 1 }).on('change', (change) => heard.push(change.id));
    localEdit(db.store, {
      _id: 'reference_dictionary:x',
      type: 'reference_dictionary',
      name: 'x',
      version: '1',
      title: 'x',
      published_at: '2025-01-01T00:00:00.000Z',
      entries: [],
    });
    localEdit(db.store, b);
    await waitFor('the visible write', () => heard.length === 1);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(heard).toEqual([b._id]);
    feed.cancel();
  });
});

/** Writes on both sides while a live sync runs: new documents, edits, and a conflict made on purpose. */
async function writeOnBothSides(a: DocumentStoreApi, b: DocumentStoreApi): Promise<string[]> {
  const ids: string[] = [];
  for (let n = 0; n < 30; n++) {
    const patient = makePatient(100 + n);
    localEdit(n % 2 === 0 ? a : b, patient);
    ids.push(patient._id);
    if (n % 10 === 9) await new Promise((resolve) => setTimeout(resolve, 20));
  }
  // The same document edited on both sides with no sync in between: a conflict from both sides.
  const shared = makePatient(500);
  const first = { ...shared, _rev: `1-${'1'.repeat(32)}` };
  a.bulkDocs([{ ...first, _revisions: { start: 2, ids: ['a'.repeat(32), '1'.repeat(32)] }, _rev: undefined, name: '甲改' }], { newEdits: false });
  b.bulkDocs([{ ...first, _revisions: { start: 2, ids: ['b'.repeat(32), '1'.repeat(32)] }, _rev: undefined, name: '乙改' }], { newEdits: false });
  ids.push(shared._id);
  return ids;
}

describe('live sync() both ways', () => {
  it('between two clinic stores in one process ends with identical winners and conflicts', async () => {
    const [a, b] = [clinic(), clinic()];
    localEdit(a.store, makePatient(1));
    localEdit(b.store, makePatient(2));
    const replication = sync(openLocalPouch(a.store, { name: 'a' }), openLocalPouch(b.store, { name: 'b' }));
    const errors: unknown[] = [];
    replication.on('error', (error) => errors.push(error));
    const ids = await writeOnBothSides(a.store, b.store);
    await waitFor('both stores to agree', () => {
      const [sa, sb] = [stateOf(a.store), stateOf(b.store)];
      return Object.keys(sa).length === ids.length + 2 && isDeepStrictEqual(sa, sb);
    });
    const shared = stateOf(a.store)[ids[ids.length - 1]] as { leaves: string[]; body: { name: string } };
    expect(shared.leaves).toEqual([`2-${'b'.repeat(32)}`, `2-${'a'.repeat(32)}`]);
    expect(shared.body.name).toBe('乙改');
    await stop(replication);
    expect(errors).toEqual([]);
  });

  describe('through a CouchDB-protocol peer', () => {
    let peer: PeerServer;
    beforeAll(async () => {
      peer = await startPeerServer();
    });
    afterAll(async () => {
      await peer.stop();
    });

    it('two clinic stores each live-syncing with the peer end with identical winners on all three', async () => {
      const [a, b] = [clinic(), clinic()];
      const remote = () => new PouchDB(`${peer.url}/lan_live`, { auth: { username: peer.admin.user, password: peer.admin.password } });
      const server = remote();
      const ra = sync(openLocalPouch(a.store, { name: 'a' }), server);
      const rb = sync(openLocalPouch(b.store, { name: 'b' }), remote());
      const errors: unknown[] = [];
      for (const r of [ra, rb]) r.on('error', (error) => errors.push(error));
      const ids = await writeOnBothSides(a.store, b.store);
      const serverState = async (): Promise<Record<string, unknown>> => {
        const out: Record<string, unknown> = {};
        for (const id of ids) {
          const leaves = (await server.get(id, { open_revs: 'all' }).catch(() => [])) as unknown as Array<{ ok: PouchDoc }>;
          const winner = await server.get(id, { conflicts: true }).catch(() => null);
          out[id] = { winner: winner?._rev, conflicts: winner?._conflicts ?? [], leaves: leaves.map((l) => l.ok._rev).sort() };
        }
        return out;
      };
      const clinicView = (store: DocumentStoreApi): Record<string, unknown> => {
        const out: Record<string, unknown> = {};
        for (const id of ids) {
          const doc = store.get(id, { conflicts: true });
          out[id] = {
            winner: doc?._rev,
            conflicts: doc?._conflicts ?? [],
            leaves: store
              .getOpenRevs(id, 'all')
              .flatMap((r) => ('ok' in r ? [r.ok._rev] : []))
              .sort(),
          };
        }
        return out;
      };
      await waitFor(
        'the clinics and the peer to agree',
        async () => {
          const [sa, sb, sp] = [clinicView(a.store), clinicView(b.store), await serverState()];
          return isDeepStrictEqual(sa, sb) && isDeepStrictEqual(sa, sp) && Object.values(sa).every((v) => (v as { winner?: string }).winner);
        },
        40_000,
      );
      expect((clinicView(a.store)[ids[ids.length - 1]] as { conflicts: string[] }).conflicts).toEqual([`2-${'a'.repeat(32)}`]);
      await Promise.all([stop(ra), stop(rb)]);
      expect(errors).toEqual([]);
    }, 60_000);
  });
});
