/**
 * Two workstations replicating live with the centre's endpoint, against express-pouchdb and Apache
 * CouchDB 3: a write on one shows on the other without anyone asking; the endpoint killed, both keep
 * writing; started again, all three converge to the same winning revisions; a document that fails
 * the boundary checks is kept aside while the rest arrives.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readRefusedDocuments } from '../sync/refused-documents';
import { CENTRE_ENDPOINTS, converged, describeLink, openWorkstation, type CentreEndpoint, type TestWorkstation } from './testing/centre';

async function until(check: () => boolean, timeoutMs: number): Promise<number> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > timeoutMs) throw new Error(`not within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 5));
  }
  return Date.now() - started;
}

describe.each(CENTRE_ENDPOINTS)('live replication with the centre ($name)', (choice) => {
  let centre: CentreEndpoint;
  const open: TestWorkstation[] = [];
  beforeAll(async () => {
    centre = await choice.start();
  }, 120_000);
  afterAll(async () => {
    for (const w of open) w.dispose();
    await centre.stop();
  });
  const workstation = (code: string): TestWorkstation => {
    const w = openWorkstation(code, centre.endpoint(code));
    open.push(w);
    return w;
  };

  it('brings a write on one workstation to the other within a second, both ways', async () => {
    await centre.addCentre('lv01');
    const [desk, doctor] = [workstation('lv01'), workstation('lv01')];
    await until(() => desk.replication.status().state === 'connected' && doctor.replication.status().state === 'connected', 10_000);
    const [registered] = desk.addPatients(1);
    const took = await until(() => doctor.store.get(registered) !== null, 1_000);
    expect(took).toBeLessThan(1_000);
    const [back] = doctor.addPatients(1);
    await until(() => desk.store.get(back) !== null, 1_000);
    await until(() => desk.replication.status().pendingChanges === 0 && doctor.replication.status().pendingChanges === 0, 2_000);
    expect(doctor.replication.status().lastReceivedAt).not.toBeNull();
  });

  it('keeps both workstations writing while the endpoint is down, and converges when it is back', async () => {
    await centre.addCentre('lv02');
    const [a, b] = [workstation('lv02'), workstation('lv02')];
    const shared = a.addPatients(1)[0];
    await until(() => b.store.get(shared) !== null, 5_000);

    await centre.kill();
    a.addPatients(5);
    b.addPatients(5);
    // The same patient edited on both sides while apart: a conflict, one winner everywhere.
    for (const [w, phone] of [
      [a, '13900000001'],
      [b, '13900000002'],
    ] as const) {
      const doc = w.store.get(shared);
      expect(w.store.bulkDocs([{ ...doc!, phone }])[0].ok).toBe(true);
    }
    await until(() => a.replication.status().state === 'unreachable' && b.replication.status().state === 'unreachable', 10_000);
    expect(a.replication.status().pendingChanges).toBeGreaterThan(0);

    // express-pouchdb comes back empty and gets the centre's account a moment later: a PC that asked
    // in between is refused, and tries again by itself (link-health.ts).
    await centre.restart();
    const snapshot = await converged([() => a.snapshot(), () => b.snapshot(), () => centre.snapshot('lv02')], 30_000, () =>
      [describeLink('a', a.replication.status()), describeLink('b', b.replication.status())].join('; '),
    );
    expect(Object.keys(snapshot)).toHaveLength(11);
    expect(snapshot[shared].leaves).toHaveLength(2);
    expect(a.store.get(shared)!._rev).toBe(b.store.get(shared)!._rev);
  }, 120_000);

  it('keeps aside a pulled document that fails the boundary checks and takes the rest', async () => {
    await centre.addCentre('lv03');
    const w = workstation('lv03');
    await until(() => w.replication.status().state === 'connected', 10_000);
    const bad = { _id: 'scan:forged', _rev: '999999-abc', type: 'archive_scan', clinic_code: 'lv03' };
    const good = { _id: 'scan:fine', type: 'archive_scan', clinic_code: 'lv03' };
    await centre.admin.request('POST', '/clinic_lv03/_bulk_docs', { docs: [bad], new_edits: false });
    await centre.admin.request('POST', '/clinic_lv03/_bulk_docs', { docs: [good] });
    await until(() => w.store.get('scan:fine') !== null, 5_000);
    expect(w.store.get('scan:forged')).toBeNull();
    expect(readRefusedDocuments(w.store).map((r) => r.id)).toContain('scan:forged');
  });
});
