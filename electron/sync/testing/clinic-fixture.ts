/**
 * Test helpers: a county (the peer server with clinics set up and reference data published) and
 * clinics (a real SQLite store in a temporary folder plus a SyncEngine), in the spirit of Joplin's
 * `setupDatabaseAndSynchronizer(n)`.
 */
import { makePatient, openTemporaryDatabase, type TemporaryDatabase } from '../../../db/testing/fixtures';
import type { DocumentStoreApi, StoredDocument } from '../../../db/store/types';
import type { PatientDoc } from '../../../shared/docs';
import type { BatchSettings } from '../batching';
import { couchAdmin, type CouchAdmin } from '../couch-admin';
import { countySetup, type CountySetupInput, type CountySetupResult } from '../county-setup';
import { SyncEngine, type SyncEngineOptions } from '../engine';
import { afterAll, beforeAll } from 'vitest';
import type { CountyPeer, PeerChoice } from './peers';
import { REFERENCE_DATABASE, referenceDictionaryId, type ReferenceDictionaryDoc } from '../reference-data';

export const TEST_BATCHING: BatchSettings = { batchSize: 20, batchesLimit: 2, requestTimeoutMs: 5_000 };

export function clinicPassword(code: string): string {
  return `sync-password-${code}`;
}

export function adminOf(peer: Pick<CountyPeer, 'url' | 'admin'>, serverUrl = peer.url): CouchAdmin {
  return couchAdmin({ serverUrl, user: peer.admin.user, password: peer.admin.password });
}

export const DEMO_DICTIONARY: ReferenceDictionaryDoc = {
  _id: referenceDictionaryId('fee_category'),
  type: 'reference_dictionary',
  name: 'fee_category',
  version: '2025-01',
  title: '费别',
  published_at: '2025-01-01T00:00:00.000Z',
  entries: [
    { code: 'self', label: '自费' },
    { code: 'resident', label: '城乡居民医保' },
    { code: 'employee', label: '职工医保' },
  ],
};

/** The county administrator sets up one clinic (its database and sync account), with any options more. */
export function setUpClinicOnCounty(peer: Pick<CountyPeer, 'url' | 'admin'>, code: string, more: Partial<CountySetupInput> = {}): Promise<CountySetupResult> {
  return countySetup({
    serverUrl: peer.url,
    adminUser: peer.admin.user,
    adminPassword: peer.admin.password,
    clinicCode: code,
    clinicPassword: clinicPassword(code),
    ...more,
  });
}

/** County setup for each clinic code, plus one published reference dictionary. */
export async function setUpCounty(peer: Pick<CountyPeer, 'url' | 'admin'>, codes: ReadonlyArray<string>): Promise<void> {
  for (const code of codes) await setUpClinicOnCounty(peer, code);
  const admin = adminOf(peer);
  const existing = await admin.request('GET', `/${REFERENCE_DATABASE}/${encodeURIComponent(DEMO_DICTIONARY._id)}`);
  if (existing.status === 404) await admin.request('PUT', `/${REFERENCE_DATABASE}/${encodeURIComponent(DEMO_DICTIONARY._id)}`, DEMO_DICTIONARY);
}

export interface TestClinic {
  readonly code: string;
  readonly db: TemporaryDatabase;
  readonly store: DocumentStoreApi;
  readonly engine: SyncEngine;
  /** Registers `count` patients (valid documents, projected) and returns their ids. */
  addPatients(count: number, overrides?: Partial<PatientDoc>): string[];
  dispose(): void;
}

let patientCounter = 0;

export function openTestClinic(
  code: string,
  serverUrl: string,
  options: Partial<Omit<SyncEngineOptions, 'store' | 'clinicCode' | 'endpoint'>> & { db?: TemporaryDatabase } = {},
): TestClinic {
  const db = options.db ?? openTemporaryDatabase();
  const engine = new SyncEngine({
    batching: TEST_BATCHING,
    ...options,
    store: db.store,
    clinicCode: code,
    endpoint: { serverUrl, username: `clinic_${code}`, password: clinicPassword(code) },
  });
  return {
    code,
    db,
    store: db.store,
    engine,
    addPatients(count, overrides = {}) {
      const docs = Array.from({ length: count }, () => makePatient(patientCounter++, { clinic_code: code, ...overrides }));
      const results = db.store.bulkDocs(docs);
      for (const r of results) if (!r.ok) throw new Error(`fixture write refused: ${r.reason}`);
      return docs.map((d) => d._id);
    },
    dispose: () => db.dispose(),
  };
}

/** Every document id with its winning revision and leaves, for comparing replicas (design documents left out). */
export function snapshotStore(
  store: DocumentStoreApi,
  hide: (id: string) => boolean = (id) => id.startsWith('_design/'),
): Record<string, { winner: string | null; leaves: string[]; deleted: boolean }> {
  const out: Record<string, { winner: string | null; leaves: string[]; deleted: boolean }> = {};
  let since = 0;
  for (;;) {
    const page = store.changes({ since, limit: 1000, allLeaves: true });
    for (const row of page.results) {
      since = row.seq;
      if (hide(row.id)) continue;
      out[row.id] = { winner: row.changes[0]?.rev ?? null, leaves: row.changes.map((c) => c.rev).sort(), deleted: row.deleted === true };
    }
    if (page.results.length < 1000) return out;
  }
}

/** The same snapshot read from a county database over HTTP (as the admin). */
export async function snapshotRemote(
  admin: CouchAdmin,
  database: string,
): Promise<Record<string, { winner: string | null; leaves: string[]; deleted: boolean }>> {
  const out: Record<string, { winner: string | null; leaves: string[]; deleted: boolean }> = {};
  const changes = await admin.request('GET', `/${encodeURIComponent(database)}/_changes?style=all_docs`);
  const rows = changes.body.results as Array<{ id: string; changes: Array<{ rev: string }>; deleted?: boolean }>;
  for (const row of rows) {
    if (row.id.startsWith('_design/')) continue;
    const winner = await admin.request('GET', `/${encodeURIComponent(database)}/${encodeURIComponent(row.id)}?conflicts=true&deleted_conflicts=true`);
    const rev = row.deleted ? winnerOfDeleted(row.changes) : String((winner.body as StoredDocument)._rev);
    out[row.id] = { winner: rev, leaves: row.changes.map((c) => c.rev).sort(), deleted: row.deleted === true };
  }
  return out;
}

/** When every leaf is deleted, the winner is the deleted leaf with the highest (pos, hash). */
function winnerOfDeleted(changes: ReadonlyArray<{ rev: string }>): string {
  return [...changes]
    .map((c) => c.rev)
    .sort((a, b) => {
      const [pa, ha] = [Number(a.split('-')[0]), a.split('-')[1]];
      const [pb, hb] = [Number(b.split('-')[0]), b.split('-')[1]];
      return pb - pa || (hb > ha ? 1 : hb < ha ? -1 : 0);
    })[0];
}

/**
 * A county for one `describe` block: started and set up (clinic codes, reference data) before its
 * tests, and after them stopped, with every clinic the tests put in the returned list disposed of.
 */
export function countyForTests(choice: PeerChoice, codes: ReadonlyArray<string>, started: (peer: CountyPeer) => void): TestClinic[] {
  let peer: CountyPeer | null = null;
  const clinics: TestClinic[] = [];
  beforeAll(async () => {
    peer = await choice.start();
    await setUpCounty(peer, codes);
    started(peer);
  });
  afterAll(async () => {
    for (const clinic of clinics) clinic.dispose();
    await peer?.stop();
  });
  return clinics;
}
