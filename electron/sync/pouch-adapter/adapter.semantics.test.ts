/**
 * The clinic-sqlite adapter against PouchDB's memory adapter on what PouchDB's own integration
 * suite found different (issue 9, items 6–8): `latest`, callbacks answered once, ids assigned,
 * new tombstones, typed attachment Buffers, descending changes, `revs_limit`, `revs_info`, and
 * the statuses of refused writes. Each case is run on both adapters and the answers compared.
 */
import { createRequire } from 'node:module';
import { afterEach, describe, expect, it } from 'vitest';
import { openTemporaryDatabase, type TemporaryDatabase } from '../../../db/testing/fixtures';
import type { PouchDatabase, PouchDoc } from '../pouch';
import { CLINIC_ADAPTER, ClinicStoreView, clinicPouchDB } from './index';

const require = createRequire(import.meta.url);
const PouchDB = clinicPouchDB();
PouchDB.plugin(require('pouchdb-adapter-memory'));

const opened: TemporaryDatabase[] = [];
let count = 0;
afterEach(() => {
  for (const db of opened.splice(0)) db.dispose();
});

function both(options: Record<string, unknown> = {}): { ours: PouchDatabase; theirs: PouchDatabase; db: TemporaryDatabase } {
  const db = openTemporaryDatabase();
  opened.push(db);
  const ours = new PouchDB(`ours-${count}`, { adapter: CLINIC_ADAPTER, clinicStore: new ClinicStoreView(db.store), ...options });
  const theirs = new PouchDB(`theirs-${process.pid}-${count++}`, { adapter: 'memory', ...options });
  return { ours, theirs, db };
}

type Underscored = Record<string, (...args: unknown[]) => unknown>;

/** Whatever a call answers, as comparable data: a result, or the error's status, name and message. */
async function outcome<T>(call: Promise<T>): Promise<unknown> {
  return call.then(
    (value) => ({ value }),
    (error: { status?: number; name?: string; message?: string }) => ({ status: error.status, name: error.name, message: error.message }),
  );
}

describe('latest: true (issue 9, item 6)', () => {
  it('answers the newest leaf for an older revision whose body is still stored, as PouchDB does', async () => {
    const { ours, theirs } = both();
    const answers: unknown[] = [];
    for (const db of [ours, theirs]) {
      const first = await db.put({ _id: 'p1', n: 1 });
      const second = await db.put({ _id: 'p1', _rev: first.rev, n: 2 });
      const viaGet = await db.get('p1', { rev: first.rev, latest: true });
      const viaOpenRevs = (await db.get('p1', { open_revs: [first.rev], latest: true, revs: true })) as unknown as Array<{ ok: PouchDoc }>;
      const viaBulkGet = await db.bulkGet({ docs: [{ id: 'p1', rev: first.rev }], latest: true, revs: true });
      const okOf = viaBulkGet.results.flatMap((r) => r.docs.map((d) => d.ok));
      expect(viaGet._rev).toBe(second.rev);
      answers.push({
        get: viaGet.n,
        openRevs: viaOpenRevs.map((r) => [r.ok.n, (r.ok._revisions as { ids: string[] }).ids.length]),
        bulkGet: okOf.map((d) => [d?._rev === second.rev, d?.n]),
        // Without latest the asked revision itself is answered.
        plain: (await db.get('p1', { rev: first.rev })).n,
      });
    }
    expect(answers[0]).toEqual(answers[1]);
    expect(answers[0]).toMatchObject({ get: 2, bulkGet: [[true, 2]], plain: 1 });
  });

  it('picks the same leaf as PouchDB when an old revision has several descendants', async () => {
    const { ours, theirs } = both();
    const docs = [
      { _id: 'c1', _rev: '3-c', _revisions: { start: 3, ids: ['c', 'b', 'a'] }, v: 'c' },
      { _id: 'c1', _rev: '3-d', _revisions: { start: 3, ids: ['d', 'b', 'a'] }, v: 'd' },
      { _id: 'c1', _rev: '2-e', _revisions: { start: 2, ids: ['e', 'a'] }, v: 'e' },
    ];
    // The ancestors' bodies are kept on both sides too: the case item 6 is about.
    const ancestors = [
      { _id: 'c1', _rev: '1-a', _revisions: { start: 1, ids: ['a'] }, v: 'a' },
      { _id: 'c1', _rev: '2-b', _revisions: { start: 2, ids: ['b', 'a'] }, v: 'b' },
    ];
    const answers: unknown[] = [];
    for (const db of [ours, theirs]) {
      await db.bulkDocs([...ancestors, ...docs], { new_edits: false });
      // (A revision on no path is left out: the memory adapter never answers it with latest.)
      const asked = ['1-a', '2-b', '3-c', '2-e'].map((rev) => ({ id: 'c1', rev }));
      const got = await db.bulkGet({ docs: asked, latest: true });
      answers.push(got.results.flatMap((r) => r.docs.map((d) => (d.ok ? d.ok._rev : 'error'))).sort());
    }
    expect(answers[0]).toEqual(answers[1]);
    expect(answers[0]).not.toContain('1-a');
    const unknown = await ours.bulkGet({ docs: [{ id: 'c1', rev: '9-z' }], latest: true });
    expect(unknown.results[0].docs[0]).toEqual({ missing: '9-z' }); // as PouchDB's bulkGet shim answers it
  });
});

describe('callbacks are answered once (issue 9, item 7)', () => {
  it('compactDocument reaches _doCompaction(id, revs, cb) and answers a plain "not supported"', async () => {
    const { ours } = both();
    const first = await ours.put({ _id: 'k1', n: 1 });
    await ours.put({ _id: 'k1', _rev: first.rev, n: 2 });
    const compactDocument = (ours as unknown as { compactDocument(id: string, height: number): Promise<unknown> }).compactDocument;
    await expect(compactDocument('k1', 0)).rejects.toMatchObject({ status: 501, name: 'not_implemented' });
    // Nothing was thrown away.
    expect((await ours.get('k1', { rev: first.rev })).n).toBe(1);
  });

  it('a callback that throws is not called again with its own exception', async () => {
    const { ours } = both();
    const written = await ours.put({ _id: 'a1', _attachments: { 'x.txt': { content_type: 'text/plain', data: Buffer.from('abc').toString('base64') } } });
    await ours.put({ _id: '_local/l1', n: 1 });
    const stub = (await ours.get('a1'))._attachments as Record<string, { digest: string; content_type: string }>;
    const api = ours as unknown as Underscored;
    const calls: Array<[string, (cb: (...args: unknown[]) => void) => unknown]> = [
      ['_id', (cb) => api._id(cb)],
      ['_info', (cb) => api._info(cb)],
      ['_get', (cb) => api._get('a1', {}, cb)],
      ['_getLocal', (cb) => api._getLocal('_local/l1', cb)],
      ['_getRevisionTree', (cb) => api._getRevisionTree('a1', cb)],
      ['_getAttachment', (cb) => api._getAttachment('a1', 'x.txt', stub['x.txt'], { binary: true }, cb)],
      ['_putLocal', (cb) => api._putLocal({ _id: '_local/l2', n: 2 }, cb)],
      ['_removeLocal', (cb) => api._removeLocal({ _id: '_local/l1' }, cb)],
    ];
    expect(written.ok).toBe(true);
    for (const [name, call] of calls) {
      const answers: unknown[][] = [];
      const callback = (...args: unknown[]): void => {
        answers.push(args);
        throw new Error(`${name}: the caller's callback failed`);
      };
      expect(() => call(callback), name).toThrow(`${name}: the caller's callback failed`);
      expect(answers.length, name).toBe(1);
      expect(answers[0][0], name).toBeNull();
    }
  });
});

describe('PouchDB features the adapter used to refuse (issue 9, item 8)', () => {
  it('post() and documents without _id get a new id', async () => {
    const { ours } = both();
    const post = (ours as unknown as { post(doc: object): Promise<{ ok: boolean; id: string; rev: string }> }).post;
    const posted = await post({ type: 'note_draft', text: '草稿' });
    expect(posted.id).toMatch(/^[0-9a-f-]{36}$/);
    expect((await ours.get(posted.id)).text).toBe('草稿');
    const [bulk] = await ours.bulkDocs([{ text: '另一份' } as unknown as PouchDoc]);
    expect(bulk.ok).toBe(true);
    expect(bulk.id).not.toBe(posted.id);
    expect((await ours.get(bulk.id ?? '')).text).toBe('另一份');
  });

  it('destroy() answers ok, detaches the handle and keeps every record', async () => {
    const { ours, db } = both();
    await ours.put({ _id: 'kept', n: 1 });
    let destroyedEvent = false;
    (ours as unknown as { once(event: string, fn: () => void): void }).once('destroyed', () => {
      destroyedEvent = true;
    });
    await expect(ours.destroy()).resolves.toMatchObject({ ok: true });
    expect(destroyedEvent).toBe(true);
    const again = new PouchDB('again', { adapter: CLINIC_ADAPTER, clinicStore: new ClinicStoreView(db.store) });
    expect((await again.get('kept')).n).toBe(1);
  });

  it('a new document written with _deleted: true becomes a tombstone, as in PouchDB', async () => {
    const { ours, theirs } = both();
    const answers: unknown[] = [];
    for (const db of [ours, theirs]) {
      const [made] = await db.bulkDocs([{ _id: 'gone', _deleted: true, note: 'x' } as unknown as PouchDoc]);
      const leaves = (await db.get('gone', { open_revs: 'all' })) as unknown as Array<{ ok: PouchDoc }>;
      const changes = await db.changes({ since: 0 });
      const again = await outcome(db.bulkDocs([{ _id: 'gone', _deleted: true } as unknown as PouchDoc]));
      answers.push({
        made: [made.ok, made.id, /^1-/.test(made.rev ?? '')],
        leaves: leaves.map((l) => ({ deleted: l.ok._deleted, note: l.ok.note })),
        changes: changes.results.map((c) => [c.id, c.deleted]),
        again: ((again as { value: Array<Record<string, unknown>> }).value ?? []).map((e) => [e.status, e.name, e.message, e.id]),
      });
      await expect(db.get('gone')).rejects.toMatchObject({ status: 404 });
    }
    expect(answers[0]).toEqual(answers[1]);
  });

  it('attachment Buffers carry their content type', async () => {
    const { ours, theirs } = both();
    const answers: unknown[] = [];
    for (const db of [ours, theirs]) {
      await db.put({ _id: 'scan', _attachments: { 'p.png': { content_type: 'image/png', data: Buffer.from([137, 80, 78, 71]).toString('base64') } } });
      const bytes = (await db.getAttachment('scan', 'p.png')) as Buffer & { type?: string };
      const full = await db.get('scan', { attachments: true, binary: true });
      const inline = (full._attachments as Record<string, { data: Buffer & { type?: string } }>)['p.png'].data;
      answers.push({ type: bytes.type, inline: inline.type, bytes: [...bytes] });
    }
    expect(answers[0]).toEqual(answers[1]);
    expect(answers[0]).toMatchObject({ type: 'image/png', inline: 'image/png' });
  });

  it('answers descending changes feeds like PouchDB', async () => {
    const { ours, theirs } = both();
    const answers: unknown[] = [];
    for (const db of [ours, theirs]) {
      await db.bulkDocs(Array.from({ length: 7 }, (_, i) => ({ _id: `d${i}`, n: i })));
      await db.put({ ...(await db.get('d2')), n: 20 });
      const all = await db.changes({ descending: true });
      const some = await db.changes({ descending: true, limit: 3, include_docs: true });
      answers.push({
        all: all.results.map((c) => [c.id, c.seq]),
        allLast: all.last_seq,
        some: some.results.map((c) => [c.id, c.doc?.n]),
        someLast: some.last_seq,
      });
    }
    expect(answers[0]).toEqual(answers[1]);
  });

  it('honours revs_limit and answers revs_info like PouchDB', async () => {
    const { ours, theirs } = both({ revs_limit: 3 });
    const answers: unknown[] = [];
    for (const db of [ours, theirs]) {
      let rev: string | undefined;
      for (let n = 0; n < 6; n++) rev = (await db.put({ _id: 'r1', ...(rev ? { _rev: rev } : {}), n })).rev;
      await db.bulkDocs([{ _id: 'r2', _rev: '3-c', _revisions: { start: 3, ids: ['c', 'b', 'a'] }, v: 1 }], { new_edits: false });
      const r1 = await db.get('r1', { revs: true, revs_info: true });
      const r2 = await db.get('r2', { revs_info: true });
      // Revision ids of local edits are each implementation's own hash: compared by position.
      const shape = (doc: PouchDoc) => ({
        revisions: doc._revisions ? { start: (doc._revisions as { start: number }).start, count: (doc._revisions as { ids: string[] }).ids.length } : undefined,
        info: (doc._revs_info as Array<{ rev: string; status: string }>).map((i) => [i.rev.split('-')[0], i.status]),
      });
      answers.push({ r1: shape(r1), r2: shape(r2), r2ids: (r2._revs_info as Array<{ rev: string }>).map((i) => i.rev) });
    }
    expect(answers[0]).toEqual(answers[1]);
    expect(answers[0]).toMatchObject({ r1: { revisions: { start: 6, count: 3 } } });
  });

  it('refuses bad writes with the status and name PouchDB gives', async () => {
    const { ours, theirs } = both();
    const cases: Array<[unknown, Record<string, unknown>]> = [
      [{ a: 1, _rev: '1-abc' }, { new_edits: false }],
      [{ _id: '_reserved', a: 1 }, {}],
      [{ _id: 'x1', _unknown: 1 }, {}],
      [{ _id: 5 }, {}],
      [{ _id: 'x2', _attachments: { a: { stub: true, digest: 'md5-AAAAAAAAAAAAAAAAAAAAAA==', content_type: 'text/plain' } } }, {}],
      [{ _id: 'x3', _rev: '1-abc', a: 1 }, {}],
      [{ _id: 'x4', _rev: 'abc' }, {}],
    ];
    // PouchDB's local adapters fail the whole request on some of these, CouchDB and this adapter
    // answer per document: the status and name are what must agree.
    const firstError = async (db: PouchDatabase, doc: unknown, opts: Record<string, unknown>) =>
      db.bulkDocs([doc as PouchDoc], opts).then(
        (results) => ({ status: results[0].status, name: results[0].name }),
        (error: { status: number; name: string }) => ({ status: error.status, name: error.name }),
      );
    for (const [doc, opts] of cases) {
      const [mine, reference] = [await firstError(ours, doc, opts), await firstError(theirs, doc, opts)];
      // PouchDB says 500 for an unknown special field; CouchDB (and we) 400, same name.
      if (reference.name === 'doc_validation') expect(mine).toEqual({ status: 400, name: 'doc_validation' });
      else expect(mine, JSON.stringify(doc)).toEqual(reference);
    }
  });

  it('filters changes by design-document filter, view and selector as PouchDB does (its changes-filter plugin)', async () => {
    const { ours, theirs } = both();
    const answers: unknown[] = [];
    for (const db of [ours, theirs]) {
      await db.bulkDocs(Array.from({ length: 6 }, (_, i) => ({ _id: `f${i}`, n: i })));
      await db.put({
        _id: '_design/pick',
        filters: { even: 'function (doc) { return doc.n % 2 === 0; }' },
        views: { big: { map: 'function (doc) { if (doc.n > 3) emit(doc.n); }' } },
      });
      const ids = async (opts: Readonly<Record<string, unknown>>) => (await db.changes(opts)).results.map((c) => c.id);
      answers.push([await ids({ filter: 'pick/even' }), await ids({ filter: '_view', view: 'pick/big' }), await ids({ selector: { n: { $lt: 2 } } })]);
    }
    expect(answers[0]).toEqual(answers[1]);
    expect(answers[0]).toEqual([
      ['f0', 'f2', 'f4'],
      ['f4', 'f5'],
      ['f0', 'f1'],
    ]);
  });

  it('answers the smaller cases of the PouchDB suite as its adapters do', async () => {
    const { ours, theirs } = both();
    const answers: unknown[] = [];
    for (const db of [ours, theirs]) {
      const api = db as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
      const [made] = await db.bulkDocs([{ _id: 's1', n: 1 }]);
      const local = await db.put({ _id: '_local/s', n: 1 });
      await db.put({ _id: '_local/s', _rev: local.rev, _revisions: { start: 0, ids: ['1'] }, n: 2 });
      const brief = (r: unknown) => {
        const e = r as { status?: number; name?: string; message?: string; error?: unknown };
        return [e.status, e.name, e.message];
      };
      answers.push({
        removeMissing: brief(await api.remove({ _id: 'never', _rev: undefined }).catch((e: unknown) => e)),
        fakeRev: brief((await db.bulkDocs([{ _id: 's1', _rev: '3-not_a_hash', n: 2 }]))[0]),
        wholeBatch: brief(await db.bulkDocs([{ _id: 's2' }, { _id: 's3', _zing: 1 }]).catch((e: unknown) => e)),
        notWritten: brief(await db.get('s2').catch((e: unknown) => e)),
        localHistory: (await db.get('_local/s'))._revisions,
        openRevsObject: brief(await db.get('s1', { open_revs: { not: 'a list' } }).catch((e: unknown) => e)),
        made: made.ok,
        allDocsSeq: ((await db.allDocs({ update_seq: true })) as unknown as { update_seq: unknown }).update_seq === (await db.info()).update_seq,
      });
      await db.close();
      answers.push(brief(await db.get('s1').catch((e: unknown) => e)));
    }
    // PouchDB says 500 for an unknown special field; CouchDB (and we) 400, same name and reason.
    (answers[2] as { wholeBatch: unknown[] }).wholeBatch[0] = 400;
    expect(answers.slice(0, 2)).toEqual(answers.slice(2));
    expect(answers[0]).toMatchObject({
      removeMissing: [404, 'not_found', 'missing'],
      fakeRev: [409, 'conflict', 'Document update conflict'],
      localHistory: undefined,
      allDocsSeq: true,
    });
    expect(answers[1]).toEqual([undefined, 'Error', 'database is closed']);
  });

  it('says a plain "not supported" (501) for map/reduce queries, compaction and purge', async () => {
    const { ours } = both();
    const written = await ours.put({ _id: 'v1', n: 1 });
    const api = ours as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
    const refused: Array<[string, () => Promise<unknown>]> = [
      ['query', () => api.query('ddoc/by_n')],
      ['viewCleanup', () => api.viewCleanup()],
      ['compact', () => api.compact()],
      ['purge', () => api.purge('v1', written.rev)],
    ];
    for (const [name, call] of refused) await expect(call(), name).rejects.toMatchObject({ status: 501, name: 'not_implemented' });
    expect((await ours.get('v1')).n).toBe(1);
  });
});
