/**
 * What the clinic sees when sync cannot work: a wrong password, no server, a server answering 500s,
 * malformed JSON, a hanging server, a full local disk. Each gives a stable code and a plain Chinese
 * message, and the local store is exactly as before (or, for a full disk, intact and consistent);
 * against Apache CouchDB 3 and express-pouchdb alike.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SyncEngine } from './engine';
import { SYNC_ERROR_MESSAGES } from './errors';
import { COUNTY_PEERS, type CountyPeer } from './testing/peers';
import { adminOf, clinicPassword, openTestClinic, setUpCounty, snapshotStore, TEST_BATCHING, type TestClinic } from './testing/clinic-fixture';
import { startFaultProxy, type FaultProxy } from './testing/fault-proxy';
import { closedLoopbackPort } from './testing/ports';

describe.each(COUNTY_PEERS)('sync failures ($name)', (choice) => {
  let peer: CountyPeer;
  let proxy: FaultProxy;
  const clinics: TestClinic[] = [];
  beforeAll(async () => {
    peer = await choice.start();
    await setUpCounty(peer, ['xz05']);
    proxy = await startFaultProxy({ target: { host: '127.0.0.1', port: peer.port }, seed: 5 });
  });
  afterAll(async () => {
    for (const c of clinics) c.dispose();
    await proxy.close();
    await peer.stop();
  });

  function clinicWithWork(serverUrl: string): { clinic: TestClinic; before: ReturnType<typeof snapshotStore> } {
    const clinic = openTestClinic('xz05', serverUrl, { batching: { ...TEST_BATCHING, requestTimeoutMs: 1_500 } });
    clinics.push(clinic);
    clinic.addPatients(5);
    return { clinic, before: snapshotStore(clinic.store) };
  }

  async function expectFailure(
    clinic: TestClinic,
    before: ReturnType<typeof snapshotStore>,
    code: keyof typeof SYNC_ERROR_MESSAGES,
    state: 'paused' | 'error',
  ): Promise<void> {
    const outcome = await clinic.engine.run('manual');
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.error.code).toBe(code);
    expect(outcome.error.message).toBe(SYNC_ERROR_MESSAGES[code]);
    expect(clinic.engine.status()).toMatchObject({ state, pendingChanges: 5, lastError: { code } });
    expect(clinic.engine.history()[0]).toMatchObject({ outcome: 'error', error: { code } });
    expect(snapshotStore(clinic.store)).toEqual(before);
  }

  it('wrong password: SYNC_AUTH_FAILED, waits for a person', async () => {
    const { clinic, before } = clinicWithWork(peer.url);
    clinic.engine.setEndpoint({ serverUrl: peer.url, username: 'clinic_xz05', password: 'not-the-password' });
    await expectFailure(clinic, before, 'SYNC_AUTH_FAILED', 'error');
    // Fixing the password in settings clears the error state; the next run goes through.
    clinic.engine.setEndpoint({ serverUrl: peer.url, username: 'clinic_xz05', password: clinicPassword('xz05') });
    expect(clinic.engine.status().state).toBe('idle');
    expect(await clinic.engine.run('manual')).toEqual({ ok: true });
  });

  it('unreachable host: SYNC_HOST_UNREACHABLE, retried later', async () => {
    const { clinic, before } = clinicWithWork(`http://127.0.0.1:${await closedLoopbackPort()}`);
    await expectFailure(clinic, before, 'SYNC_HOST_UNREACHABLE', 'paused');
  });

  it('a county database that was never set up: SYNC_DATABASE_MISSING', async () => {
    const clinic = new SyncEngine({
      store: clinicWithWork(peer.url).clinic.store,
      clinicCode: 'xz99',
      endpoint: { serverUrl: peer.url, username: peer.admin.user, password: peer.admin.password },
      batching: TEST_BATCHING,
    });
    const outcome = await clinic.run('manual');
    expect(outcome.ok || outcome.error.code).toBe('SYNC_DATABASE_MISSING');
  });

  it('server 500s: SYNC_SERVER_ERROR', async () => {
    proxy.setMode({ kind: 'respond', status: 500, body: '{"error":"internal_server_error","reason":"disk failure on node2"}' });
    const { clinic, before } = clinicWithWork(proxy.url);
    await expectFailure(clinic, before, 'SYNC_SERVER_ERROR', 'paused');
    // A reverse proxy's HTML error page reads as a server error too, not as garbage.
    proxy.setMode({ kind: 'respond', status: 502, body: '<html><body>502 Bad Gateway</body></html>', contentType: 'text/html' });
    const again = await clinic.engine.run('manual');
    expect(again.ok || again.error.code).toBe('SYNC_SERVER_ERROR');
  });

  it('malformed JSON from the server: SYNC_BAD_RESPONSE', async () => {
    proxy.setMode({ kind: 'respond', status: 200, body: '{"db_name":"clinic_xz05","doc_count":' });
    const { clinic, before } = clinicWithWork(proxy.url);
    await expectFailure(clinic, before, 'SYNC_BAD_RESPONSE', 'paused');
  });

  it('a server that never answers: SYNC_TIMEOUT after the request deadline', async () => {
    proxy.setMode({ kind: 'blackhole' });
    const { clinic, before } = clinicWithWork(proxy.url);
    const started = Date.now();
    await expectFailure(clinic, before, 'SYNC_TIMEOUT', 'paused');
    expect(Date.now() - started).toBeLessThan(5_000);
    proxy.setMode({ kind: 'pass' });
  });

  it('a full local disk: SYNC_LOCAL_DISK_FULL, the store stays consistent, and a later run completes', async () => {
    // The county holds a backlog of large documents for this clinic (e.g. after a reinstall).
    const admin = adminOf(peer);
    const filler = 'X'.repeat(60_000);
    const docs = Array.from({ length: 40 }, (_, i) => ({ _id: `scan:big${i}`, type: 'archive_scan', clinic_code: 'xz05', filler }));
    await admin.request('POST', '/clinic_xz05/_bulk_docs', { docs });

    const clinic = openTestClinic('xz05', peer.url);
    clinics.push(clinic);
    const pageCount = Number(clinic.db.sqlite.pragma('page_count', { simple: true }));
    // SQLite refuses to grow the file past this: the real SQLITE_FULL, as on a full disk.
    clinic.db.sqlite.pragma(`max_page_count = ${pageCount + 150}`);
    const outcome = await clinic.engine.run('nightly');
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) {
      expect(outcome.error.code).toBe('SYNC_LOCAL_DISK_FULL');
      expect(outcome.error.retryable).toBe(false);
    }
    expect(clinic.engine.status().state).toBe('error');
    expect(clinic.db.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    // Every document that arrived is whole (a refused batch is rolled back entirely).
    for (const [id] of Object.entries(snapshotStore(clinic.store))) {
      if (id.startsWith('scan:big')) expect(clinic.store.get(id)?.filler).toBe(filler);
    }
    clinic.db.sqlite.pragma('max_page_count = 1073741823');
    expect(await clinic.engine.run('manual')).toEqual({ ok: true });
    expect(Object.keys(snapshotStore(clinic.store)).filter((id) => id.startsWith('scan:big'))).toHaveLength(40);
  });
});
