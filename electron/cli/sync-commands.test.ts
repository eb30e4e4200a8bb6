/**
 * `npm run cli -- recover` end to end: a clinic syncs, its PC is lost, a replacement recovers from
 * the county and is usable at once — logs in, continues the audit chain and the day's visit numbers.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openClinicDatabase } from '../../db/open';
import { STAMP } from '../../db/testing/fixtures';
import { counterQueries, metaQueries } from '../../db/queries';
import { chinaDateOf } from '../../shared/identity';
import { createClinicApp, DATABASE_FILE } from '../app/clinic-app';
import { openTestApp, TEST_ADMIN, TEST_SETUP } from '../app/testing';
import { countySetup } from '../sync/county-setup';
import { startPeerServer, type PeerServer } from '../sync/testing/peer-server/start';
import { runSyncCommand } from './sync-commands';

const CODE = TEST_SETUP.clinic.code;
const PASSWORD = 'county-sync-password-2';

let peer: PeerServer;
let source: Awaited<ReturnType<typeof openTestApp>>;
const folders: string[] = [];

beforeAll(async () => {
  peer = await startPeerServer();
  await countySetup({ serverUrl: peer.url, adminUser: peer.admin.user, adminPassword: peer.admin.password, clinicCode: CODE, clinicPassword: PASSWORD });
  source = await openTestApp({ initialized: true });
  vi.spyOn(console, 'log').mockImplementation(() => undefined);
  vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
});

afterAll(async () => {
  vi.restoreAllMocks();
  source?.close();
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
  await peer?.stop();
});

describe('cli recover', () => {
  it('restores the record, the workstation, the counters and the sync settings', async () => {
    const day = chinaDateOf(new Date());
    const compact = day.replaceAll('-', '');
    const patient = source.app.context.data.store.bulkDocs([
      {
        _id: 'patient:01JQ0000000000000000000001',
        type: 'patient',
        ...STAMP,
        clinic_code: CODE,
        name: '王秀英',
        sex: '2',
        birth_date: '1960-01-01',
        cards: [],
        allergies: [],
      },
    ]);
    expect(patient[0].ok).toBe(true);
    const visits = source.app.context.data.store.bulkDocs(
      [3, 5].map((n) => ({
        _id: `encounter:01JQ00000000000000000000${n}${n}`,
        type: 'encounter',
        ...STAMP,
        clinic_code: CODE,
        patient_id: 'patient:01JQ0000000000000000000001',
        department_code: '03',
        visit_type: 'first',
        fee_category: 'self',
        visit_number: `W01-${compact}-${String(n).padStart(4, '0')}`,
        visit_date: day,
        registered_at: '2025-03-01T08:00:00.000Z',
        status: 'waiting',
      })),
    );
    expect(visits.every((v) => v.ok)).toBe(true);
    const saved = await source.call(
      'sync.saveSettings',
      { serverUrl: peer.url, database: `clinic_${CODE}`, username: `clinic_${CODE}`, password: PASSWORD, window: { start: '01:00', end: '05:00' } },
      source.adminSession,
    );
    expect(saved.ok).toBe(true);
    const run = await source.call('sync.syncNow', { wait: true }, source.adminSession);
    expect(run.ok && run.value.outcome?.ok).toBe(true);
    const auditsOnFile = Math.max(
      ...source.app.context.data.store.changes({ includeDocs: true }).results.flatMap((row) => (row.doc?.type === 'audit' ? [Number(row.doc.seq)] : [])),
    );
    expect(auditsOnFile).toBeGreaterThan(1);

    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'clinic-recovered-'));
    folders.push(dataDir);
    const ok = await runSyncCommand('recover', [
      '--url',
      peer.url,
      '--clinic',
      CODE,
      '--user',
      `clinic_${CODE}`,
      '--password',
      PASSWORD,
      '--workstation',
      'W01',
      '--data-dir',
      dataDir,
    ]);
    expect(ok).toBe(true);

    const db = openClinicDatabase(path.join(dataDir, DATABASE_FILE));
    try {
      expect(metaQueries(db.orm).get('workstation_id')).toBe('W01');
      expect(counterQueries(db.orm).current(`visit:W01:${compact}`)).toBe(5);
      expect(counterQueries(db.orm).current('audit:W01')).toBe(auditsOnFile);
      expect(JSON.parse(metaQueries(db.orm).get('sync_settings') ?? '{}')).toMatchObject({ serverUrl: peer.url, database: `clinic_${CODE}` });
    } finally {
      db.close();
    }

    // The replacement PC works at once: login is audited on the recovered chain, sync carries on.
    const app = await createClinicApp({ dataDir, version: 'test', log: () => undefined });
    try {
      const login = await app.router.invoke({ method: 'auth.login', input: { username: TEST_ADMIN.username, password: TEST_ADMIN.password } });
      expect(login.ok).toBe(true);
      const token = login.ok ? (login.value as { sessionToken: string }).sessionToken : '';
      expect(app.context.data.counters.next(`visit:W01:${compact}`)).toBe(6);
      const again = await app.router.invoke({ method: 'sync.syncNow', input: { wait: true }, session: token });
      expect(again).toMatchObject({ ok: true, value: { outcome: { ok: true } } });
    } finally {
      app.close();
    }
  });
});
