/**
 * `npm run bench -- sync --size 100000`
 *
 * Replication throughput of the clinic's store through our PouchDB adapter, against PouchDB's
 * stock replication (memory adapter) to the same CouchDB-protocol peer (express-pouchdb, a separate
 * process on 127.0.0.1), in the same run, same batch settings:
 *
 *   push: N documents from a local database to an empty county database;
 *   pull: the same N documents into a fresh, empty local database (a reinstall);
 *   nightly delta: 2,000 documents changed since the last sync, one full sync run (push, pull, settle);
 *   peak RSS of this process (the peer's memory is its own).
 *
 * Prints figures; asserts nothing.
 */
import { createRequire } from 'node:module';
import { makePatient, openTemporaryDatabase } from '../db/testing/fixtures';
import { FAST_LINE } from '../electron/sync/batching';
import { couchAdmin } from '../electron/sync/couch-admin';
import type { DocumentStoreApi } from '../db/store/types';
import { SyncEngine } from '../electron/sync/engine';
import { clinicPouchDB } from '../electron/sync/pouch-adapter';
import type { PouchDatabase } from '../electron/sync/pouch';
import { startPeerServer } from '../electron/sync/peer-server/start';

interface BenchArgs {
  readonly size?: number;
  emit(metric: string, value: number, unit: string): void;
  progress?(message: string): void;
}

const require = createRequire(import.meta.url);

function seconds(since: bigint): number {
  return Number(process.hrtime.bigint() - since) / 1e9;
}

function peakRssMb(): number {
  // maxRSS is in kilobytes (https://nodejs.org/api/process.html#processresourceusage).
  return process.resourceUsage().maxRSS / 1024;
}

/** Times one engine run phase by phase, from its progress events. */
async function timedRun(engine: SyncEngine, trigger: 'manual' | 'nightly' | 'recovery'): Promise<Record<string, number>> {
  const started = process.hrtime.bigint();
  const phaseStart = new Map<string, bigint>();
  const onProgress = (p: { phase: string }): void => {
    if (!phaseStart.has(p.phase)) phaseStart.set(p.phase, process.hrtime.bigint());
  };
  engine.on('progress', onProgress);
  const outcome = await engine.run(trigger);
  const ended = process.hrtime.bigint();
  engine.off('progress', onProgress);
  if (!outcome.ok) throw new Error(`sync run failed: ${outcome.error.code} ${outcome.error.detail}`);
  const order = [...phaseStart.entries()].sort((a, b) => (a[1] < b[1] ? -1 : 1));
  const durations: Record<string, number> = { total: Number(ended - started) / 1e9 };
  order.forEach(([phase, at], i) => {
    const next = order[i + 1]?.[1] ?? ended;
    durations[phase] = Number(next - at) / 1e9;
  });
  return durations;
}

export default async function run({ size, emit, progress }: BenchArgs): Promise<void> {
  const n = size ?? 100_000;
  const say = progress ?? (() => undefined);
  const PouchDB = clinicPouchDB();
  PouchDB.plugin(require('pouchdb-adapter-memory'));
  // One fresh peer process for each side, so neither pays for the other's data in the server.
  const peers = { ours: await startPeerServer(), stock: await startPeerServer() };
  const replicateOptions = { batch_size: FAST_LINE.batchSize, batches_limit: FAST_LINE.batchesLimit, retry: false };
  const opened: Array<{ dispose(): void }> = [];
  const memoryDbs: PouchDatabase[] = [];
  const docsFor = (code: string, from: number, count: number) => Array.from({ length: count }, (_, j) => makePatient(from + j, { clinic_code: code }));

  const ours = {
    endpoint: { serverUrl: peers.ours.url, username: peers.ours.admin.user, password: peers.ours.admin.password },
    admin: couchAdmin({ serverUrl: peers.ours.url, user: peers.ours.admin.user, password: peers.ours.admin.password, timeoutMs: 600_000 }),
    /** A store with `count` documents and an engine for it, pushing to `clinic_<code>`. */
    async prepare(code: string, count: number) {
      await this.admin.request('PUT', `/clinic_${code}`);
      const db = openTemporaryDatabase();
      opened.push(db);
      for (let i = 0; i < count; i += 5_000) db.store.bulkDocs(docsFor(code, i, Math.min(5_000, count - i)));
      return { db, engine: this.engine(db, code) };
    },
    engine(db: { store: DocumentStoreApi }, code: string) {
      return new SyncEngine({ store: db.store, clinicCode: code, endpoint: this.endpoint, referenceDatabase: null, batching: FAST_LINE });
    },
  };
  const stock = {
    remote: (db: string): PouchDatabase =>
      new PouchDB(`${peers.stock.url}/${db}`, { auth: { username: peers.stock.admin.user, password: peers.stock.admin.password } }),
    async prepare(name: string, count: number) {
      const db = new PouchDB(`bench-${name}-${process.pid}`, { adapter: 'memory' });
      memoryDbs.push(db);
      for (let i = 0; i < count; i += 5_000) await db.bulkDocs(docsFor('benchstock', i, Math.min(5_000, count - i)));
      return db;
    },
  };

  try {
    say('warming up both paths');
    const warm = await ours.prepare('benchwarm', 2_000);
    await timedRun(warm.engine, 'manual');
    await PouchDB.replicate(await stock.prepare('warm', 2_000), stock.remote('warm'), replicateOptions);

    say(`ours: writing ${n} patient documents, then push`);
    const main = await ours.prepare('benchmain', n);
    const pushTimes = await timedRun(main.engine, 'manual');
    // The run also pulls (and finds only what it just pushed); the push phase is what compares.
    const oursPush = n / pushTimes.push;
    say('ours: pull into a fresh install');
    const fresh = openTemporaryDatabase();
    opened.push(fresh);
    const pullTimes = await timedRun(ours.engine(fresh, 'benchmain'), 'recovery');
    const oursPull = n / pullTimes.pull;
    const oursRss = peakRssMb();

    say(`stock PouchDB: writing ${n} documents to a memory database, then push and pull`);
    const stockSource = await stock.prepare('main', n);
    let t = process.hrtime.bigint();
    await PouchDB.replicate(stockSource, stock.remote('main'), replicateOptions);
    const stockPush = n / seconds(t);
    const stockTarget = await stock.prepare('pulled', 0);
    t = process.hrtime.bigint();
    await PouchDB.replicate(stock.remote('main'), stockTarget, replicateOptions);
    const stockPull = n / seconds(t);

    emit('sync.push.ours.docs_per_s', oursPush, 'docs/s');
    emit('sync.push.pouchdb.docs_per_s', stockPush, 'docs/s');
    emit('sync.push.ratio_vs_pouchdb', oursPush / stockPush, 'ratio');
    emit('sync.push.ours_full_run.s', pushTimes.total, 's');
    emit('sync.pull.ours.docs_per_s', oursPull, 'docs/s');
    emit('sync.pull.pouchdb.docs_per_s', stockPull, 'docs/s');
    emit('sync.pull.ratio_vs_pouchdb', oursPull / stockPull, 'ratio');

    // A night's delta: 2,000 records changed during the day, one full sync run (push, pull, settle).
    const delta = Math.min(2_000, n);
    say(`nightly delta of ${delta} changed documents`);
    const changes = main.db.store.changes({ since: 0, limit: delta, includeDocs: true });
    main.db.store.bulkDocs(changes.results.map((row) => ({ ...row.doc!, phone: '13999999999' })));
    const nightly = await timedRun(main.engine, 'nightly');
    emit('sync.nightly_delta_2000.run.s', nightly.total, 's');
    emit('sync.nightly_delta_2000.push.s', nightly.push, 's');
    // Ours is measured before the stock side fills memory databases in this process.
    emit('sync.ours.peak_rss.mb', oursRss, 'MB');
    emit('sync.process.peak_rss.mb', peakRssMb(), 'MB');
  } finally {
    for (const db of memoryDbs) await db.destroy().catch(() => undefined);
    for (const db of opened) db.dispose();
    await Promise.all([peers.ours.stop(), peers.stock.stop()]);
  }
}
