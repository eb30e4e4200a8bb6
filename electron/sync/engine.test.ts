/**
 * Two clinics and a county in one test run, against the CouchDB-protocol peer as a separate
 * process on 127.0.0.1: each clinic works offline, then syncs; the county holds both clinics'
 * documents with the right revisions; each clinic gets the reference data and never sends it back.
 */
import { describe, expect, it } from 'vitest';
import { isNeverPushed, readReferenceDictionary, REFERENCE_DATABASE } from './reference-data';
import { COUNTY_PEERS, type CountyPeer } from './testing/peers';
import { adminOf, openTestClinic, countyForTests, snapshotRemote, snapshotStore } from './testing/clinic-fixture';
import type { SyncProgress, SyncState } from './engine';

describe.each(COUNTY_PEERS)('sync engine: two clinics and a county ($name)', (choice) => {
  let peer: CountyPeer;
  const clinics = countyForTests(choice, ['xz01', 'xz02'], (started) => (peer = started));

  it('each clinic works offline, then syncs; the county holds both with the right revisions', async () => {
    const a = openTestClinic('xz01', peer.url);
    const b = openTestClinic('xz02', peer.url);
    clinics.push(a, b);

    // A day offline: registrations, an edit, a scanned page with an attachment.
    const aIds = a.addPatients(12);
    b.addPatients(7);
    const first = a.store.get(aIds[0]);
    expect(first).not.toBeNull();
    a.store.bulkDocs([{ ...first!, phone: '13900000000' }]);
    const scan = Buffer.from('病案首页扫描件（测试字节）'.repeat(50), 'utf8');
    a.store.bulkDocs([
      { _id: 'scan:page1', type: 'archive_scan', clinic_code: 'xz01', _attachments: { 'page1.jpg': { content_type: 'image/jpeg', data: scan } } },
    ]);
    expect(a.engine.status().pendingChanges).toBe(0); // counted at construction, before the writes
    expect(a.engine.refreshPending()).toBe(13);

    const states: SyncState[] = [];
    const progress: SyncProgress[] = [];
    a.engine.on('state', (s) => states.push(s));
    a.engine.on('progress', (p) => progress.push(p));

    const [ra, rb] = await Promise.all([a.engine.run('manual'), b.engine.run('manual')]);
    expect(ra).toEqual({ ok: true });
    expect(rb).toEqual({ ok: true });
    expect(states).toEqual(['active', 'idle']);
    expect(progress.map((p) => p.phase)).toContain('push');
    expect(progress.at(-1)?.docsDone).toBeGreaterThanOrEqual(13);

    const admin = adminOf(peer);
    expect(await snapshotRemote(admin, 'clinic_xz01')).toEqual(snapshotStore(a.store, isNeverPushed));
    expect(await snapshotRemote(admin, 'clinic_xz02')).toEqual(snapshotStore(b.store, isNeverPushed));
    // The edited patient went up as revision 2, with its history.
    const remoteFirst = await admin.request('GET', `/clinic_xz01/${encodeURIComponent(aIds[0])}?revs=true`);
    expect(remoteFirst.body._rev).toBe(a.store.get(aIds[0])?._rev);
    expect((remoteFirst.body._revisions as { ids: string[] }).ids).toHaveLength(2);
    // The attachment arrived byte for byte.
    const att = await fetch(`${peer.url}/clinic_xz01/scan%3Apage1/page1.jpg`, {
      headers: { authorization: `Basic ${Buffer.from(`${peer.admin.user}:${peer.admin.password}`).toString('base64')}` },
    });
    expect(Buffer.from(await att.arrayBuffer()).equals(scan)).toBe(true);

    // Reference data came down, and did not go back up.
    for (const clinic of [a, b]) {
      const dictionary = readReferenceDictionary(clinic.store, 'fee_category');
      expect(dictionary.ok && dictionary.dictionary.entries.map((e) => e.code)).toEqual(['self', 'resident', 'employee']);
    }
    expect((await admin.request('GET', `/clinic_xz01/reference_dictionary%3Afee_category`)).status).toBe(404);

    // Status after the run: nothing pending, last success set, one run in the history.
    const status = a.engine.status();
    expect(status).toMatchObject({ state: 'idle', running: false, pendingChanges: 0, lastError: null });
    expect(status.lastSuccessAt).toMatch(/^\d{4}-/);
    expect(a.engine.history()).toHaveLength(1);
    // Pulled counts include the county's design documents (its validation rules): one per database.
    expect(a.engine.history()[0]).toMatchObject({ outcome: 'ok', trigger: 'manual', pushed: 13, pulled: 1, referencePulled: 2 });
  });

  it('a second workstation of the same clinic pulls what the first pushed; pending counts only local edits', async () => {
    const [a] = clinics;
    const a2 = openTestClinic('xz01', peer.url);
    clinics.push(a2);
    expect(await a2.engine.run('manual')).toEqual({ ok: true });
    expect(snapshotStore(a2.store)).toEqual(snapshotStore(a.store));
    expect(a2.engine.status().pendingChanges).toBe(0);
    expect(a2.engine.history()[0]).toMatchObject({ pulled: 14, pushed: 0 }); // 13 records + the county's _design/clinic;

    a2.addPatients(3);
    expect(a2.engine.refreshPending()).toBe(3);
    expect(await a2.engine.run('nightly')).toEqual({ ok: true });
    expect(a2.engine.status().pendingChanges).toBe(0);
    expect(await a.engine.run('nightly')).toEqual({ ok: true });
    expect(snapshotStore(a.store)).toEqual(snapshotStore(a2.store));
  });

  it('reports a document the county refuses without failing the run', async () => {
    const [, b] = clinics;
    // Stamped with another clinic's code: the county's validate_doc_update refuses it.
    b.store.bulkDocs([{ _id: 'misfiled:1', type: 'archive_scan', clinic_code: 'xz01' }]);
    b.addPatients(1);
    const outcome = await b.engine.run('manual');
    expect(outcome).toEqual({ ok: true });
    const run = b.engine.history()[0];
    expect(run.deniedCount).toBe(1);
    expect(run.denied[0].id).toBe('misfiled:1');
    expect(run.pushed).toBe(1);
    const admin = adminOf(peer);
    expect((await admin.request('GET', '/clinic_xz02/misfiled%3A1')).status).toBe(404);
  });

  it('leaves the reference database alone when it is missing, and still syncs the clinic', async () => {
    const c = openTestClinic('xz02', peer.url, { referenceDatabase: 'county_reference_missing' });
    clinics.push(c);
    expect(await c.engine.run('manual')).toEqual({ ok: true });
    expect(c.engine.history()[0].referenceError?.code).toBe('SYNC_DATABASE_MISSING');
    expect(REFERENCE_DATABASE).toBe('county_reference');
  });
});
