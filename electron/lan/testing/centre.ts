/**
 * Test helpers for live replication: the centre's endpoint as a separate process that can be killed
 * and started again on its port (express-pouchdb, which forgets everything when killed, and the
 * bundled Apache CouchDB 3.5, which keeps its data), and workstations (a real SQLite store in a
 * temporary folder plus a LiveReplication).
 */
import { makePatient, openTemporaryDatabase, type TemporaryDatabase } from '../../../db/testing/fixtures';
import type { DocumentStoreApi } from '../../../db/store/types';
import type { PatientDoc } from '../../../shared/docs';
import { countySetup } from '../../sync/county-setup';
import { startRestartableCouchDB } from '../../sync/testing/couchdb';
import { adminOf, clinicPassword, snapshotRemote, snapshotStore } from '../../sync/testing/clinic-fixture';
import { startPeerServer, type PeerServer } from '../../sync/testing/peer-server/start';
import type { CouchAdmin } from '../../sync/couch-admin';
import type { BackoffOptions } from '../../../shared/time/backoff';
import { LiveReplication } from '../live-replication';
import { couchRemoteFactory, type LanEndpoint, type LanRemoteFactory } from '../remote';

export type Snapshot = ReturnType<typeof snapshotStore>;

export interface CentreEndpoint {
  readonly kind: 'express-pouchdb' | 'couchdb';
  readonly url: string;
  readonly port: number;
  readonly admin: CouchAdmin;
  /** The centre's database and account for `code` (created by `addCentre`). */
  endpoint(code: string, serverUrl?: string): LanEndpoint;
  /** Creates the centre's database and its account, as the county's IT staff would. */
  addCentre(code: string): Promise<void>;
  snapshot(code: string): Promise<Snapshot>;
  /** SIGKILL: the endpoint vanishes mid-request. */
  kill(): Promise<void>;
  /**
   * Starts again on the same port. express-pouchdb comes back empty and its centres are set up
   * again a moment after it listens (`setUp: false`: not at all, the test does it); CouchDB keeps
   * its data.
   */
  restart(options?: { setUp?: boolean }): Promise<void>;
  stop(): Promise<void>;
}

export interface EndpointChoice {
  readonly name: string;
  start(): Promise<CentreEndpoint>;
}

function centreOf(kind: CentreEndpoint['kind'], url: string, admin: { user: string; password: string }) {
  const centres = new Set<string>();
  const addCentre = async (code: string): Promise<void> => {
    await countySetup({ serverUrl: url, adminUser: admin.user, adminPassword: admin.password, clinicCode: code, clinicPassword: clinicPassword(code) });
    centres.add(code);
  };
  return {
    kind,
    url,
    port: Number(new URL(url).port),
    admin: adminOf({ url, admin }),
    centres,
    addCentre,
    endpoint: (code: string, serverUrl = url): LanEndpoint => ({
      serverUrl,
      database: `clinic_${code}`,
      username: `clinic_${code}`,
      password: clinicPassword(code),
    }),
    snapshot: (code: string) => snapshotRemote(adminOf({ url, admin }), `clinic_${code}`),
  };
}

export const EXPRESS_POUCHDB_CENTRE: EndpointChoice = {
  name: 'express-pouchdb',
  async start() {
    let peer: PeerServer = await startPeerServer();
    const base = centreOf('express-pouchdb', peer.url, peer.admin);
    return {
      ...base,
      kill: () => peer.kill(),
      async restart({ setUp = true } = {}) {
        peer = await startPeerServer({ port: base.port, adminUser: peer.admin.user, adminPassword: peer.admin.password });
        if (setUp) for (const code of base.centres) await base.addCentre(code);
      },
      stop: () => peer.stop(),
    };
  },
};

export const COUCHDB_CENTRE: EndpointChoice = {
  name: 'CouchDB 3',
  async start() {
    const couch = await startRestartableCouchDB();
    return { ...centreOf('couchdb', couch.url, couch.admin), kill: () => couch.kill(), restart: () => couch.restart(), stop: () => couch.stop() };
  },
};

export const CENTRE_ENDPOINTS: ReadonlyArray<EndpointChoice> = [EXPRESS_POUCHDB_CENTRE, COUCHDB_CENTRE];

/** Quick retries: tests wait for convergence, not for a clinic's patience. */
export const TEST_BACKOFF: BackoffOptions = { initialMs: 50, maxMs: 500, jitter: 0 };
/** A refused endpoint tried again soon (the app waits 15 s, then 5 minutes). */
export const TEST_REFUSED_RETRY_MS: ReadonlyArray<number> = [300, 1_000];

export interface WorkstationOptions {
  readonly backoff?: BackoffOptions;
  readonly batchSize?: number;
  /** Instead of the endpoint's own (a test that breaks the line in its own way). */
  readonly remote?: LanRemoteFactory;
  readonly stallMs?: number;
  readonly wakeCheckMs?: number;
}

export interface TestWorkstation {
  readonly db: TemporaryDatabase;
  readonly store: DocumentStoreApi;
  readonly replication: LiveReplication;
  addPatients(count: number, overrides?: Partial<PatientDoc>): string[];
  snapshot(): Snapshot;
  dispose(): void;
}

let patientCounter = 0;

/** `code`: the centre's clinic code, which the county's validation asks every document to carry. */
export function openWorkstation(code: string, endpoint: LanEndpoint, options: WorkstationOptions = {}): TestWorkstation {
  const db = openTemporaryDatabase();
  const replication = new LiveReplication({
    store: db.store,
    // A reply cut part-way is noticed at the request's deadline: short ones, so runs converge quickly.
    remote: options.remote ?? couchRemoteFactory(endpoint, { timeoutMs: 3_000 }),
    longpollMs: 1_500,
    backoff: options.backoff ?? TEST_BACKOFF,
    refusedRetryMs: TEST_REFUSED_RETRY_MS,
    batchSize: options.batchSize,
    stallMs: options.stallMs,
    wakeCheckMs: options.wakeCheckMs,
  });
  replication.start();
  return {
    db,
    store: db.store,
    replication,
    addPatients(count, overrides = {}) {
      const docs = Array.from({ length: count }, () => makePatient(patientCounter++, { clinic_code: code, ...overrides }));
      for (const r of db.store.bulkDocs(docs)) if (!r.ok) throw new Error(`fixture write refused: ${r.reason}`);
      return docs.map((d) => d._id);
    },
    snapshot: () => snapshotStore(db.store),
    dispose() {
      replication.stop();
      db.dispose();
    },
  };
}

/** One link's status for a failure message: why it is not moving, if it says. */
export function describeLink(
  name: string,
  status: { state: string; retryAt: string | null; pendingChanges: number; lastError: { code: string; detail: string } | null },
): string {
  const error = status.lastError ? ` ${status.lastError.code}${status.lastError.detail ? ` (${status.lastError.detail.slice(0, 160)})` : ''}` : '';
  return `${name}: ${status.state}${error}, retry ${status.retryAt ?? '-'}, pending ${status.pendingChanges}`;
}

/**
 * Waits until every snapshot equals the first; returns it, or throws with what still differs and,
 * from `explain`, what each link says about itself (state, last error, next try).
 */
export async function converged(
  read: ReadonlyArray<() => Snapshot | Promise<Snapshot>>,
  timeoutMs = 20_000,
  explain?: () => string | Promise<string>,
): Promise<Snapshot> {
  const until = Date.now() + timeoutMs;
  let last: Snapshot[] = [];
  for (;;) {
    last = await Promise.all(read.map((r) => r()));
    // Each replica lists its documents in its own order: compare them by id.
    const canonical = (s: Snapshot): string => JSON.stringify(Object.entries(s).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    const first = canonical(last[0]);
    if (last.every((s) => canonical(s) === first)) return last[0];
    if (Date.now() > until) {
      const counts = last.map((s) => Object.keys(s).length).join(' / ');
      const ids = [...new Set(last.flatMap((s) => Object.keys(s)))];
      const differing = ids.filter((id) => new Set(last.map((s) => JSON.stringify(s[id] ?? null))).size > 1);
      const detail = differing.slice(0, 3).map((id) => `${id}: ${last.map((s) => JSON.stringify(s[id] ?? null)).join(' | ')}`);
      const links = explain
        ? `; links: ${await Promise.resolve()
            .then(explain)
            .catch((error: unknown) => `unknown (${String(error)})`)}`
        : '';
      throw new Error(`no convergence within ${timeoutMs} ms (documents: ${counts}; differing: ${detail.join('; ')}${links})`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}
