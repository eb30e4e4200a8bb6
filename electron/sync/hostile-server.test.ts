/**
 * A hostile or broken county server, against both peers (Apache CouchDB 3 and express-pouchdb):
 * replies cut off part way (with and without a declared length), HTML error pages with status 200
 * and 500, a reply larger than the cap, and each kind of bad document in a `_bulk_get`. Every run
 * ends within its deadline with a clear message, the local database holds nothing but whole
 * documents as the county has them, and the next run against a good server completes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYNC_ERROR_MESSAGES, type SyncErrorCode } from './errors';
import { isNeverPushed } from './reference-data';
import { adminOf, openTestClinic, setUpCounty, snapshotRemote, snapshotStore, TEST_BATCHING, type TestClinic } from './testing/clinic-fixture';
import { startHostileProxy, type HostileProxy, type HostileRule, type Misbehaviour } from './testing/hostile-proxy';
import { COUNTY_PEERS, type CountyPeer } from './testing/peers';
import type { CouchAdmin } from './couch-admin';

const CODE = 'hs01';
const DB = `clinic_${CODE}`;
const TARGET = 'remote:3';
const DEADLINE_MS = 1_500;
const CAP = 4 * 1024 * 1024;
const HASH = 'f'.repeat(32);

const on = (part: string) => (_method: string, path: string) => path.includes(part);

const TRANSPORT_CASES: ReadonlyArray<{ name: string; rule: HostileRule; code: SyncErrorCode }> = [
  {
    name: '_changes cut off, length declared',
    rule: { match: on('/_changes'), misbehave: { kind: 'truncate', declareLength: true, fraction: 0.6 } },
    code: 'SYNC_CONNECTION_LOST',
  },
  {
    name: '_changes cut off, chunked',
    rule: { match: on('/_changes'), misbehave: { kind: 'truncate', declareLength: false, fraction: 0.6 } },
    code: 'SYNC_CONNECTION_LOST',
  },
  {
    name: '_bulk_get cut off, length declared',
    rule: { match: on('/_bulk_get'), misbehave: { kind: 'truncate', declareLength: true, fraction: 0.6 } },
    code: 'SYNC_CONNECTION_LOST',
  },
  {
    name: '_bulk_get cut off, chunked',
    rule: { match: on('/_bulk_get'), misbehave: { kind: 'truncate', declareLength: false, fraction: 0.6 } },
    code: 'SYNC_CONNECTION_LOST',
  },
  { name: 'an HTML page with status 200', rule: { match: on('/_changes'), misbehave: { kind: 'html', status: 200 } }, code: 'SYNC_BAD_RESPONSE' },
  { name: 'an HTML page with status 500', rule: { match: on('/_bulk_get'), misbehave: { kind: 'html', status: 500 } }, code: 'SYNC_SERVER_ERROR' },
  {
    name: 'a reply over the cap, length declared',
    rule: { match: on('/_changes'), misbehave: { kind: 'huge', bytes: 8 * CAP, declareLength: true } },
    code: 'SYNC_REPLY_TOO_LARGE',
  },
  {
    name: 'a reply over the cap, chunked',
    rule: { match: on('/_bulk_get'), misbehave: { kind: 'huge', bytes: 8 * CAP, declareLength: false } },
    code: 'SYNC_REPLY_TOO_LARGE',
  },
];

type Doc = Record<string, unknown>;
const withRev = (doc: Doc, generation: number, ids: string[]): Doc => ({ ...doc, _rev: `${generation}-${ids[0]}`, _revisions: { start: generation, ids } });

const BAD_DOCUMENTS: ReadonlyArray<{ name: string; rewrite(doc: Doc): unknown; reason: RegExp }> = [
  { name: 'another document’s _id', rewrite: (d) => ({ ...d, _id: 'remote:1' }), reason: /_id 与所请求的不同/ },
  { name: 'no _id', rewrite: ({ _id, ...rest }) => rest, reason: /缺少 _id/ },
  { name: 'a bad revision format', rewrite: (d) => ({ ...d, _rev: 'not-a-revision!' }), reason: /_rev/ },
  { name: 'a 999999999- revision', rewrite: (d) => withRev(d, 999_999_999, [HASH]), reason: /_rev/ },
  { name: 'a 1 MB revision id', rewrite: (d) => withRev(d, 1, ['a'.repeat(1_000_000)]), reason: /_rev/ },
  {
    name: '_rev not matching _revisions',
    rewrite: (d) => ({ ...d, _revisions: { start: Number(String(d._rev).split('-')[0]), ids: [HASH] } }),
    reason: /_revisions 与 _rev 不符/,
  },
  { name: 'malformed _revisions', rewrite: (d) => ({ ...d, _revisions: 'x' }), reason: /_revisions 格式不对/ },
  {
    name: 'a 50,000-entry _revisions',
    rewrite: (d) =>
      withRev(
        d,
        50_000,
        Array.from({ length: 50_000 }, (_, i) => i.toString(16).padStart(32, '0')),
      ),
    reason: /_revisions 的长度/,
  },
  { name: '_deleted: "yes"', rewrite: (d) => ({ ...d, _deleted: 'yes' }), reason: /_deleted/ },
  { name: 'an attachment that is not an object', rewrite: (d) => ({ ...d, _attachments: { 'p.png': 'x' } }), reason: /不是对象/ },
  {
    name: 'an attachment without data or stub',
    rewrite: (d) => ({ ...d, _attachments: { 'p.png': { content_type: 'image/png' } } }),
    reason: /既没有内容也不是存根/,
  },
];

describe.each(COUNTY_PEERS)('a hostile county server ($name)', (choice) => {
  let peer: CountyPeer;
  let proxy: HostileProxy;
  let admin: CouchAdmin;
  const clinics: TestClinic[] = [];
  beforeAll(async () => {
    peer = await choice.start();
    await setUpCounty(peer, [CODE]);
    admin = adminOf(peer);
    const docs = Array.from({ length: 12 }, (_, i) => ({ _id: `remote:${i}`, type: 'archive_scan', clinic_code: CODE, n: i }));
    await admin.request('POST', `/${DB}/_bulk_docs`, { docs });
    proxy = await startHostileProxy({ host: '127.0.0.1', port: peer.port });
  });
  afterAll(async () => {
    for (const c of clinics) c.dispose();
    await proxy?.close();
    await peer?.stop();
  });

  const freshClinic = (): TestClinic => {
    const clinic = openTestClinic(CODE, proxy.url, {
      referenceDatabase: null,
      maxReplyBytes: CAP,
      batching: { ...TEST_BATCHING, batchSize: 5, requestTimeoutMs: DEADLINE_MS },
    });
    clinics.push(clinic);
    clinic.addPatients(2);
    return clinic;
  };

  /** Every document the clinic holds is whole and as the county has it (or its own, not yet pushed). */
  async function expectOnlyWholeDocuments(clinic: TestClinic): Promise<void> {
    const remote = await snapshotRemote(admin, DB);
    for (const [id, entry] of Object.entries(snapshotStore(clinic.store, isNeverPushed))) {
      if (id.startsWith('remote:')) expect(entry, id).toEqual(remote[id]);
      const doc = clinic.store.get(id);
      if (id.startsWith('remote:') && doc) expect(doc.n).toBe(Number(id.split(':')[1]));
    }
  }

  async function timedRun(clinic: TestClinic): Promise<Awaited<ReturnType<TestClinic['engine']['run']>>> {
    const started = Date.now();
    const outcome = await clinic.engine.run('manual');
    // A handful of requests per run, each with its own deadline; nothing may hang.
    expect(Date.now() - started).toBeLessThan(6 * DEADLINE_MS);
    return outcome;
  }

  it.each(TRANSPORT_CASES)('$name: $code, nothing half-written, then a good run', async ({ rule, code }) => {
    const clinic = freshClinic();
    proxy.setRule(rule);
    const hitsBefore = proxy.hits();
    const outcome = await timedRun(clinic);
    expect(proxy.hits()).toBeGreaterThan(hitsBefore);
    expect(outcome.ok ? 'ok' : outcome.error.code).toBe(code);
    if (!outcome.ok) expect(outcome.error.message).toBe(SYNC_ERROR_MESSAGES[code]);
    await expectOnlyWholeDocuments(clinic);

    proxy.setRule(null);
    expect(await timedRun(clinic)).toEqual({ ok: true });
    expect(snapshotStore(clinic.store, isNeverPushed)).toEqual(await snapshotRemote(admin, DB));
  });

  it.each(BAD_DOCUMENTS)('a document with $name is kept aside, the pull goes on', async ({ rewrite, reason }) => {
    const clinic = freshClinic();
    proxy.setRule({ match: on('/_bulk_get'), misbehave: { kind: 'rewrite-doc', id: TARGET, rewrite } });
    const outcome = await timedRun(clinic);
    expect(outcome).toEqual({ ok: true });
    const run = clinic.engine.history()[0];
    expect(run).toMatchObject({ refusedCount: 1, refused: [{ id: TARGET, code: 'SYNC_BAD_RESPONSE' }] });
    expect(run?.refused?.[0]?.reason).toMatch(reason);
    expect(clinic.engine.refusedDocuments()[0]).toMatchObject({ id: TARGET });
    expect(clinic.engine.refusedDocuments()[0]?.reason).toMatch(reason);
    expect(clinic.store.get(TARGET)).toBeNull();
    const others = Object.keys(snapshotStore(clinic.store)).filter((id) => id.startsWith('remote:'));
    expect(others).toHaveLength(11);
    await expectOnlyWholeDocuments(clinic);

    // The county corrects the document: the good revision arrives with the next run.
    proxy.setRule(null);
    const current = await admin.request('GET', `/${DB}/${encodeURIComponent(TARGET)}`);
    await admin.request('PUT', `/${DB}/${encodeURIComponent(TARGET)}`, { ...current.body, checked: true });
    expect(await timedRun(clinic)).toEqual({ ok: true });
    expect(clinic.store.get(TARGET)).toMatchObject({ n: 3, checked: true });
    expect(snapshotStore(clinic.store, isNeverPushed)).toEqual(await snapshotRemote(admin, DB));
  });

  it('a long _id is taken (CouchDB has no limit); one over 8 KiB is kept aside, the pull goes on', async () => {
    // 1,800 bytes: over the old 512-character bound, well inside the store's 8 KiB.
    const longId = `remote:${'长'.repeat(600)}`;
    // 9,000 bytes: sent in a body, since a URL that long is past what servers take on a request line.
    const hugeId = `remote:${'长'.repeat(3_000)}`;
    const written = await admin.request('POST', `/${DB}/_bulk_docs`, {
      docs: [longId, hugeId].map((_id) => ({ _id, type: 'archive_scan', clinic_code: CODE, n: -1 })),
    });
    expect(written.status).toBe(201);
    try {
      const clinic = freshClinic();
      expect(await timedRun(clinic)).toEqual({ ok: true });
      expect(clinic.engine.history()[0]).toMatchObject({ refusedCount: 1, refused: [{ id: hugeId.slice(0, 600), code: 'SYNC_BAD_RESPONSE' }] });
      expect(clinic.engine.refusedDocuments()[0]?.reason).toMatch(/9007 字节，超过本机上限 8192 字节/);
      expect(clinic.store.get(longId)).toMatchObject({ n: -1 });
      expect(clinic.store.get(hugeId)).toBeNull();
      expect(Object.keys(snapshotStore(clinic.store)).filter((id) => id.startsWith('remote:'))).toHaveLength(13);
      // The next run is not stopped by the refused document either.
      expect(await timedRun(clinic)).toEqual({ ok: true });
    } finally {
      const revs = (written.body.value as Array<{ id: string; rev: string }>).map(({ id, rev }) => ({ _id: id, _rev: rev, _deleted: true }));
      await admin.request('POST', `/${DB}/_bulk_docs`, { docs: revs });
    }
  });
});
