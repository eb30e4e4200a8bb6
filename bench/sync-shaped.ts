/**
 * `npm run bench -- sync-shaped`: the nightly delta over a rural line, against Apache CouchDB 3 and
 * express-pouchdb (also part of `npm run bench -- sync`).
 *
 * The line: a shaping proxy on loopback (electron/sync/testing/shaped-line.ts), 1 Mbit/s each way,
 * 300 ms round trips. The clinic holds 2,000 patients already in sync with the county; during the
 * day 1,600 of them were edited at this PC and 400 at another (already at the county). One nightly
 * run with the engine's defaults for a rural line (batching.ts RURAL_LINE): push, reference pull,
 * pull, settle.
 *
 * Besides the run's time, a breakdown of where it goes: per phase, the requests by kind (each one
 * a round trip at least), bytes each way and time waiting on them; checkpoint writes on the server
 * (`PUT _local/…`) and in the store; the store's own time (writes with their projections, reads,
 * revs_diff).
 */
import { makePatient, openTemporaryDatabase } from '../db/testing/fixtures';
import type { DocumentStoreApi } from '../db/store/types';
import { FAST_LINE } from '../electron/sync/batching';
import { couchAdmin } from '../electron/sync/couch-admin';
import { SyncEngine, type SyncPhase } from '../electron/sync/engine';
import { nodeHttpFetch, type WireExchange } from '../electron/sync/http-fetch';
import { COUNTY_PEERS, type PeerChoice } from '../electron/sync/testing/peers';
import { startShapedLine } from '../electron/sync/testing/shaped-line';
import type { BenchContext } from './run';

type Emit = BenchContext['emit'];

export const SHAPE = { upBitsPerSecond: 1_000_000, downBitsPerSecond: 1_000_000, roundTripMs: 300 };
const PATIENTS = 2_000;
const EDITED_HERE = 1_600;

/** The kind of a county request, by its path. */
function requestKind(method: string, url: string): string {
  const path = new URL(url).pathname;
  const named = /\/(_revs_diff|_bulk_docs|_bulk_get|_changes|_all_docs|_local)(\/|$)/.exec(path);
  if (named) return named[1] === '_local' ? `${method} _local` : named[1];
  return path.split('/').filter(Boolean).length <= 1 ? `${method} db` : `${method} doc`;
}

interface PhaseWire {
  requests: Record<string, number>;
  bytesUp: number;
  bytesDown: number;
  waitMs: number;
}

/** The store with the time spent in it counted, by method. */
function timedStore(store: DocumentStoreApi, spent: Record<string, { calls: number; ms: number }>): DocumentStoreApi {
  return new Proxy(store, {
    get(target, name, receiver) {
      const value = Reflect.get(target, name, receiver) as unknown;
      if (typeof value !== 'function' || typeof name !== 'string') return value;
      return (...args: unknown[]) => {
        const started = performance.now();
        try {
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        } finally {
          const entry = (spent[name] ??= { calls: 0, ms: 0 });
          entry.calls += 1;
          entry.ms += performance.now() - started;
        }
      };
    },
  });
}

export async function nightlyOverShapedLine(choice: PeerChoice, emit: Emit, say: (message: string) => void): Promise<void> {
  const peer = await choice.start();
  const line = await startShapedLine({ host: '127.0.0.1', port: peer.port }, SHAPE);
  const code = 'benchnight';
  const db = openTemporaryDatabase();
  try {
    const admin = couchAdmin({ serverUrl: peer.url, user: peer.admin.user, password: peer.admin.password, timeoutMs: 600_000 });
    await admin.request('PUT', `/clinic_${code}`);
    await admin.request('PUT', '/county_reference');
    const endpoint = (serverUrl: string) => ({ serverUrl, username: peer.admin.user, password: peer.admin.password });
    db.store.bulkDocs(Array.from({ length: PATIENTS }, (_, i) => makePatient(i, { clinic_code: code })));
    say('first sync over loopback, so both sides hold the same 2,000 patients');
    const first = await new SyncEngine({ store: db.store, clinicCode: code, endpoint: endpoint(peer.url), referenceDatabase: null, batching: FAST_LINE }).run(
      'manual',
    );
    if (!first.ok) throw new Error(`first sync failed: ${first.error.code} ${first.error.detail}`);

    // The day's edits: most at this PC, some at another PC that has already synced them.
    const page = db.store.changes({ since: 0, limit: PATIENTS, includeDocs: true }).results.map((row) => row.doc!);
    db.store.bulkDocs(page.slice(0, EDITED_HERE).map((doc) => ({ ...doc, phone: '13999999999' })));
    const elsewhere = page.slice(EDITED_HERE).map((doc) => ({ ...doc, phone: '13888888888' }));
    const written = await admin.request('POST', `/clinic_${code}/_bulk_docs`, { docs: elsewhere });
    if (written.status !== 201) throw new Error(`county write: HTTP ${written.status}`);

    say(`nightly run over ${SHAPE.downBitsPerSecond / 1e6} Mbit/s, ${SHAPE.roundTripMs} ms round trips`);
    const wire = new Map<string, PhaseWire>();
    const spent: Record<string, { calls: number; ms: number }> = {};
    let phase: SyncPhase = 'connect';
    const onExchange = (x: WireExchange): void => {
      const entry = wire.get(phase) ?? { requests: {}, bytesUp: 0, bytesDown: 0, waitMs: 0 };
      const kind = requestKind(x.method, x.url);
      entry.requests[kind] = (entry.requests[kind] ?? 0) + 1;
      entry.bytesUp += x.sentBytes;
      entry.bytesDown += x.receivedBytes;
      entry.waitMs += x.ms;
      wire.set(phase, entry);
    };
    const engine = new SyncEngine({
      store: timedStore(db.store, spent),
      clinicCode: code,
      endpoint: endpoint(line.url),
      fetch: nodeHttpFetch({ onExchange }),
    });
    const phaseMs: Partial<Record<SyncPhase, number>> = {};
    let phaseStarted = performance.now();
    engine.on('progress', (p) => {
      if (p.phase === phase) return;
      phaseMs[phase] = (phaseMs[phase] ?? 0) + performance.now() - phaseStarted;
      phase = p.phase;
      phaseStarted = performance.now();
    });
    const started = performance.now();
    const outcome = await engine.run('nightly');
    const total = (performance.now() - started) / 1000;
    phaseMs[phase] = (phaseMs[phase] ?? 0) + performance.now() - phaseStarted;
    if (!outcome.ok) throw new Error(`nightly run failed: ${outcome.error.code} ${outcome.error.detail}`);
    const run = engine.history()[0];

    emit('sync.nightly_shaped.run.s', total, 's');
    emit('sync.nightly_shaped.pushed.docs', run?.pushed ?? 0, 'docs');
    emit('sync.nightly_shaped.pulled.docs', run?.pulled ?? 0, 'docs');
    for (const [name, ms] of Object.entries(phaseMs)) emit(`sync.nightly_shaped.phase.${name}.s`, ms / 1000, 's');
    let roundTrips = 0;
    for (const [name, entry] of wire) {
      for (const [kind, count] of Object.entries(entry.requests)) {
        emit(`sync.nightly_shaped.phase.${name}.requests.${kind.replace(/ /g, '_')}`, count, 'requests');
        roundTrips += count;
      }
      emit(`sync.nightly_shaped.phase.${name}.bytes_up`, entry.bytesUp, 'bytes');
      emit(`sync.nightly_shaped.phase.${name}.bytes_down`, entry.bytesDown, 'bytes');
      emit(`sync.nightly_shaped.phase.${name}.waiting_on_county.s`, entry.waitMs / 1000, 's');
    }
    emit('sync.nightly_shaped.requests.total', roundTrips, 'requests');
    const stats = line.stats();
    emit('sync.nightly_shaped.line.connections', stats.connections, 'connections');
    emit('sync.nightly_shaped.line.bytes_up', stats.bytesUp, 'bytes');
    emit('sync.nightly_shaped.line.bytes_down', stats.bytesDown, 'bytes');
    emit('sync.nightly_shaped.line.busy_up.s', (stats.bytesUp * 8) / SHAPE.upBitsPerSecond, 's');
    emit('sync.nightly_shaped.line.busy_down.s', (stats.bytesDown * 8) / SHAPE.downBitsPerSecond, 's');
    emit(
      'sync.nightly_shaped.checkpoint_writes.county',
      [...wire.values()].reduce((n, e) => n + (e.requests['PUT _local'] ?? 0), 0),
      'requests',
    );
    emit('sync.nightly_shaped.checkpoint_writes.store', spent.putLocal?.calls ?? 0, 'writes');
    // Store time: bulkDocs is where pulled documents are written and projected.
    for (const [name, entry] of Object.entries(spent)) emit(`sync.nightly_shaped.store.${name}.ms`, entry.ms, 'ms');
  } finally {
    db.dispose();
    await line.close();
    await peer.stop();
  }
}

export default async function run(ctx: BenchContext): Promise<void> {
  for (const choice of [...COUNTY_PEERS].reverse()) {
    ctx.progress(`county server: ${choice.name}`);
    await nightlyOverShapedLine(
      choice,
      (metric, value, unit) => ctx.emit(metric.replace(/^sync\./, `sync.${choice.kind}.`), value, unit),
      (m) => ctx.progress(`${choice.name}: ${m}`),
    );
  }
}
