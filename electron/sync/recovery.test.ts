/**
 * Scenario 6: the registration PC dies; a fresh install given the clinic's county database address
 * and credentials pulls everything back. Documents (leaves with their revision history, conflicts,
 * deletions, attachments) and projections come out identical to the original.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openClinicDatabase } from '../../db/open';
import { dumpProjections } from '../../db/projections/rebuild';
import { makePatient, temporaryDirectory } from '../../db/testing/fixtures';
import type { DocumentStoreApi } from '../../db/store/types';
import { listConflicts } from './conflicts';
import { COUNTY_PEERS, type CountyPeer } from './testing/peers';
import { readReferenceDictionary } from './reference-data';
import { recoverClinic, RecoveryError, parseClinicDatabaseUrl } from './recovery';
import { clinicPassword, openTestClinic, countyForTests, snapshotStore } from './testing/clinic-fixture';

/** Every document's leaves, each with body, history and attachment bytes. */
function leavesOf(store: DocumentStoreApi): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const id of Object.keys(snapshotStore(store))) {
    out[id] = store
      .getOpenRevs(id, 'all', { revs: true, attachments: true })
      .map((r) => ('ok' in r ? r.ok : r))
      .sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
  }
  return out;
}

describe.each(COUNTY_PEERS)('recoverClinic ($name)', (choice) => {
  let peer: CountyPeer;
  const clinics = countyForTests(choice, ['rz01'], (started) => (peer = started));

  it('pulls the whole record into an empty store; documents and projections match the original', async () => {
    const desk = openTestClinic('rz01', peer.url);
    const doctor = openTestClinic('rz01', peer.url);
    clinics.push(desk, doctor);
    const ids = desk.addPatients(30);
    // History: a patient edited three times.
    for (const phone of ['13700000001', '13700000002', '13700000003']) {
      const current = desk.store.get(ids[0])!;
      desk.store.bulkDocs([{ ...current, phone }]);
    }
    // A deletion, and a scanned page.
    const gone = desk.store.get(ids[1])!;
    desk.store.bulkDocs([{ _id: ids[1], _rev: gone._rev, _deleted: true }]);
    desk.store.bulkDocs([
      { _id: 'scan:r1', type: 'archive_scan', clinic_code: 'rz01', _attachments: { 'p1.jpg': { content_type: 'image/jpeg', data: Buffer.alloc(5000, 7) } } },
    ]);
    // A conflict left open: two workstations edited the same patient offline.
    expect(await desk.engine.run('manual')).toEqual({ ok: true });
    expect(await doctor.engine.run('manual')).toEqual({ ok: true });
    const shared = desk.store.get(ids[2])!;
    desk.store.bulkDocs([{ ...shared, phone: '13511111111' }]);
    doctor.store.bulkDocs([{ ...doctor.store.get(ids[2])!, phone: '13522222222' }]);
    for (const pc of [desk, doctor, desk]) expect(await pc.engine.run('manual')).toEqual({ ok: true });
    expect(listConflicts(desk.store).map((c) => c.id)).toEqual([ids[2]]);

    // The desk PC's disk dies. A new PC, an empty folder, the clinic's credentials.
    const dataDir = path.join(temporaryDirectory('clinic-recover-'), 'data');
    const phases = new Set<string>();
    const result = await recoverClinic({
      remoteUrl: `${peer.url}/clinic_rz01`,
      credentials: { username: 'clinic_rz01', password: clinicPassword('rz01') },
      dataDir,
      onProgress: (p) => phases.add(p.phase),
    });
    expect(result.clinicCode).toBe('rz01');
    expect(phases).toContain('pull');
    const recovered = openClinicDatabase(result.file, { slowQueryLog: false });
    try {
      expect(snapshotStore(recovered.store)).toEqual(snapshotStore(desk.store));
      expect(leavesOf(recovered.store)).toEqual(leavesOf(desk.store));
      expect(listConflicts(recovered.store).map((c) => c.id)).toEqual([ids[2]]);
      expect(recovered.store.get(ids[0], { revs: true })?._revisions).toEqual(desk.store.get(ids[0], { revs: true })?._revisions);
      expect(dumpProjections(recovered)).toEqual(dumpProjections(desk.db));
      expect(dumpProjections(recovered).patients).toHaveLength(29);
      expect(readReferenceDictionary(recovered.store, 'fee_category').ok).toBe(true);
      // The recovered PC carries on syncing as the clinic, with nothing to send.
      expect(recovered.store.info().docCount).toBe(result.documents);
    } finally {
      recovered.close();
    }

    // Never over existing data.
    await expect(
      recoverClinic({ remoteUrl: `${peer.url}/clinic_rz01`, credentials: { username: 'clinic_rz01', password: clinicPassword('rz01') }, dataDir: desk.db.dir }),
    ).rejects.toMatchObject({ error: { code: 'RECOVERY_NOT_EMPTY' } });
  });

  it('reports wrong credentials plainly and accepts only a clinic database address', async () => {
    const dataDir = temporaryDirectory('clinic-recover-');
    await expect(
      recoverClinic({ remoteUrl: `${peer.url}/clinic_rz01`, credentials: { username: 'clinic_rz01', password: 'wrong' }, dataDir }),
    ).rejects.toMatchObject({
      error: { code: 'SYNC_AUTH_FAILED' },
    });
    expect(() => parseClinicDatabaseUrl('https://county.example.cn/other')).toThrow(RecoveryError);
    expect(parseClinicDatabaseUrl('https://county.example.cn:6984/couch/clinic_xz01')).toEqual({
      serverUrl: 'https://county.example.cn:6984/couch',
      clinicCode: 'xz01',
    });
  });
});
