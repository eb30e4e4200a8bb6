/**
 * Conflicts, end to end through the county: the same patient edited offline on two workstations of
 * one clinic, and the same person registered offline at two clinics (scenario 7).
 */
import { describe, expect, it } from 'vitest';
import { documentQueries } from '../../db/queries';
import { makePatient } from '../../db/testing/fixtures';
import { listConflicts, resolveConflict, showConflict, ConflictChangedError } from './conflicts';
import { COUNTY_PEERS, type CountyPeer } from './testing/peers';
import { adminOf, openTestClinic, setUpClinicOnCounty, countyForTests, snapshotRemote, snapshotStore } from './testing/clinic-fixture';

const PATIENT_ID = `patient:h${'5'.repeat(32)}`;

/** CouchDB's rule for two leaves at the same depth: the higher revision id wins. */
function couchWinner(revs: ReadonlyArray<string>): string {
  return [...revs].sort((a, b) => Number(b.split('-')[0]) - Number(a.split('-')[0]) || (a < b ? 1 : -1))[0];
}

describe.each(COUNTY_PEERS)('conflicts ($name)', (choice) => {
  let peer: CountyPeer;
  const clinics = countyForTests(choice, ['xz03'], (started) => (peer = started));

  it('a patient edited offline on two workstations: same CouchDB winner everywhere, inbox, resolution replicates', async () => {
    const desk = openTestClinic('xz03', peer.url);
    const doctor = openTestClinic('xz03', peer.url);
    clinics.push(desk, doctor);
    desk.store.bulkDocs([makePatient(1, { _id: PATIENT_ID, clinic_code: 'xz03', phone: '13800000000' })]);
    expect(await desk.engine.run('manual')).toEqual({ ok: true });
    expect(await doctor.engine.run('manual')).toEqual({ ok: true });

    // Offline, both edit the same patient.
    const base = desk.store.get(PATIENT_ID)!;
    const [deskEdit] = desk.store.bulkDocs([{ ...base, phone: '13811111111', updated_by: 'desk' }]);
    const [doctorEdit] = doctor.store.bulkDocs([{ ...base, address: { division_code: '430121', detail: '新村 3 组' }, updated_by: 'doctor' }]);
    expect(deskEdit.ok && doctorEdit.ok).toBe(true);
    const leaves = [deskEdit, doctorEdit].map((r) => (r.ok ? r.rev : ''));

    for (const pc of [desk, doctor, desk]) expect(await pc.engine.run('nightly')).toEqual({ ok: true });

    // Both sides, and the county, show CouchDB's winner and keep the other branch.
    const winner = couchWinner(leaves);
    const loser = leaves.find((r) => r !== winner)!;
    for (const pc of [desk, doctor]) {
      const doc = pc.store.get(PATIENT_ID, { conflicts: true })!;
      expect(doc._rev).toBe(winner);
      expect(doc._conflicts).toEqual([loser]);
    }
    const county = await adminOf(peer).request('GET', `/clinic_xz03/${encodeURIComponent(PATIENT_ID)}?conflicts=true`);
    expect(county.body._rev).toBe(winner);
    expect(county.body._conflicts).toEqual([loser]);

    // The inbox lists it; the detail shows both sides.
    expect(listConflicts(doctor.store)).toEqual([{ id: PATIENT_ID, type: 'patient', winnerRev: winner, conflictRevs: [loser] }]);
    // The indexed query (db/queries) gives the same inbox.
    expect(listConflicts(doctor.store, undefined, documentQueries(doctor.db.orm))).toEqual(listConflicts(doctor.store));
    const detail = showConflict(doctor.store, PATIENT_ID)!;
    const phones = [detail.winner.body.phone, ...detail.others.map((o) => o.body.phone)].sort();
    expect(phones).toEqual(['13800000000', '13811111111']);

    // Stale view: refused, nothing written.
    expect(() => resolveConflict(doctor.store, { id: PATIENT_ID, seenRevs: [winner], resolution: { kind: 'keep', rev: winner } })).toThrow(
      ConflictChangedError,
    );

    // The doctor merges: the desk's phone, the doctor's address.
    const merged = { ...detail.winner.body, phone: '13811111111', address: { division_code: '430121', detail: '新村 3 组' } };
    const resolved = resolveConflict(doctor.store, {
      id: PATIENT_ID,
      seenRevs: leaves,
      resolution: { kind: 'merge', body: merged },
      stamp: { updated_by: 'doctor', updated_at: '2025-03-01T08:00:00.000Z' },
    });
    expect(resolved).toMatchObject({ id: PATIENT_ID, type: 'patient', previousWinner: winner, chosen: 'merged', closedRevs: [loser] });
    expect(resolved.newRev).toMatch(/^3-/);
    expect(listConflicts(doctor.store)).toEqual([]);

    for (const pc of [doctor, desk]) expect(await pc.engine.run('manual')).toEqual({ ok: true });
    for (const pc of [desk, doctor]) {
      const doc = pc.store.get(PATIENT_ID, { conflicts: true })!;
      expect(doc._rev).toBe(resolved.newRev);
      expect(doc._conflicts).toBeUndefined();
      expect(doc.phone).toBe('13811111111');
      expect((doc.address as { detail: string }).detail).toBe('新村 3 组');
    }
    expect(listConflicts(desk.store)).toEqual([]);
    expect(listConflicts(desk.store, undefined, documentQueries(desk.db.orm))).toEqual([]);
    expect(snapshotStore(desk.store)).toEqual(snapshotStore(doctor.store));
    const countyAfter = await adminOf(peer).request('GET', `/clinic_xz03/${encodeURIComponent(PATIENT_ID)}?conflicts=true`);
    expect(countyAfter.body._conflicts).toBeUndefined();
    // No revision was dropped: both edits are still in the history.
    const bodies = desk.store.listRevisions(PATIENT_ID).map((r) => r.rev);
    expect(bodies).toEqual(expect.arrayContaining(leaves));
  });

  it('the same person registered offline at two clinics meets on one record in the county merge (scenario 7)', async () => {
    for (const code of ['xz11', 'xz12']) {
      await setUpClinicOnCounty(peer, code, {
        // CouchDB's replicator takes URLs (as the merge account); express-pouchdb's, database names.
        mergeInto: { database: 'county_all', endpoints: choice.kind === 'couchdb' ? 'url' : 'name' },
        mergePassword: 'merge-password-long',
      });
    }
    const township = openTestClinic('xz11', peer.url);
    const village = openTestClinic('xz12', peer.url);
    clinics.push(township, village);
    const id = `patient:h${'7'.repeat(32)}`;
    township.store.bulkDocs([makePatient(7, { _id: id, clinic_code: 'xz11', name: '王秀英', phone: '13700000001' })]);
    village.store.bulkDocs([makePatient(7, { _id: id, clinic_code: 'xz12', name: '王秀英', phone: '13700000002' })]);
    expect(await township.engine.run('nightly')).toEqual({ ok: true });
    expect(await village.engine.run('nightly')).toEqual({ ok: true });

    const admin = adminOf(peer);
    let merged: Record<string, unknown> = {};
    for (let i = 0; i < 300; i++) {
      merged = (await admin.request('GET', `/county_all/${encodeURIComponent(id)}?conflicts=true`)).body;
      if (Array.isArray(merged._conflicts)) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const revs = [township.store.get(id)!._rev, village.store.get(id)!._rev];
    expect(merged._rev).toBe(couchWinner(revs));
    expect(merged._conflicts).toEqual([revs.find((r) => r !== merged._rev)]);
    // Each clinic's own county database holds only its own record.
    expect(Object.keys(await snapshotRemote(admin, 'clinic_xz11'))).toEqual([id]);
  });
});
