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
  const peer = await startPeerServer();
  const admin = couchAdmin({ serverUrl: peer.url, user: peer.admin.user, password: peer.admin.password, timeoutMs: 600_000 });
  const endpoint = { serverUrl: peer.url, username: peer.admin.user, password: peer.admin.password };
  const remote = (db: string): PouchDatabase =>
    new PouchDB(`${peer.url}/${db}`, { skip_setup: true, auth: { username: peer.admin.user, password: peer.admin.password } });
  const replicateOptions = { batch_size: FAST_LINE.batchSize, batches_limit: FAST_LINE.batchesLimit, retry: false };
  const opened: Array<{ dispose(): void }> = [];
  const memoryDbs: PouchDatabase[] = [];

  /** N documents in a fresh store and in a fresh PouchDB memory database. */
  const prepare = async (tag: string, count: number) => {
    const code = `bench${tag}`;
    for (const db of [`clinic_${code}`, `stock_${code}`]) await admin.request('PUT', `/${db}`);
    const source = openTemporaryDatabase();
    opened.push(source);
    const stock = new PouchDB(`bench-stock-${tag}-${process.pid}`, { adapter: 'memory' });
    memoryDbs.push(stock);
    for (let i = 0; i < count; i += 5_000) {
      const docs = Array.from({ length: Math.min(5_000, count - i) }, (_, j) => makePatient(i + j, { clinic_code: code }));
      source.store.bulkDocs(docs);
      await stock.bulkDocs(docs);
    }
    const engine = new SyncEngine({ store: source.store, clinicCode: code, endpoint, referenceDatabase: null, batching: FAST_LINE });
    return { code, source, stock, engine };
  };

  try {
    // Warm both paths (and the peer's JIT) so neither side pays for going first.
    say('warming up');
    const warm = await prepare('warm', 2_000);
    await timedRun(warm.engine, 'manual');
    await PouchDB.replicate(warm.stock, remote(`stock_${warm.code}`), replicateOptions);

    say(`writing ${n} patient documents to both local databases`);
    const main = await prepare('main', n);

    say('push, stock PouchDB');
    let t = process.hrtime.bigint();
    await PouchDB.replicate(main.stock, remote(`stock_${main.code}`), replicateOptions);
    const stockPush = n / seconds(t);
    say('push, ours');
    const pushTimes = await timedRun(main.engine, 'manual');
    // The run also pulls (and finds only what it just pushed); the push phase is what compares.
    const oursPush = n / pushTimes.push;
    const rssAfterOurs = peakRssMb();
    emit('sync.push.ours.docs_per_s', oursPush, 'docs/s');
    emit('sync.push.pouchdb.docs_per_s', stockPush, 'docs/s');
    emit('sync.push.ratio_vs_pouchdb', oursPush / stockPush, 'ratio');
    emit('sync.push.ours_full_run.s', pushTimes.total, 's');

    say('pull into a fresh install, ours');
    const pulled = openTemporaryDatabase();
    opened.push(pulled);
    const fresh = new SyncEngine({ store: pulled.store, clinicCode: main.code, endpoint, referenceDatabase: null, batching: FAST_LINE });
    const pullTimes = await timedRun(fresh, 'recovery');
    const oursPull = n / pullTimes.pull;
    say('pull into a fresh install, stock PouchDB');
    const stockTarget = new PouchDB(`bench-stock-pull-${process.pid}`, { adapter: 'memory' });
    memoryDbs.push(stockTarget);
    t = process.hrtime.bigint();
    await PouchDB.replicate(remote(`stock_${main.code}`), stockTarget, replicateOptions);
    const stockPull = n / seconds(t);
    emit('sync.pull.ours.docs_per_s', oursPull, 'docs/s');
    emit('sync.pull.pouchdb.docs_per_s', stockPull, 'docs/s');
    emit('sync.pull.ratio_vs_pouchdb', oursPull / stockPull, 'ratio');

    // A night's delta: 2,000 records changed during the day, one full sync run.
    const delta = Math.min(2_000, n);
    say(`nightly delta of ${delta} changed documents`);
    const changes = main.source.store.changes({ since: 0, limit: delta, includeDocs: true });
    main.source.store.bulkDocs(changes.results.map((row) => ({ ...row.doc!, phone: '13999999999' })));
    const nightly = await timedRun(main.engine, 'nightly');
    emit('sync.nightly_delta_2000.run.s', nightly.total, 's');
    emit('sync.nightly_delta_2000.push.s', nightly.push, 's');
    emit('sync.ours.peak_rss.mb', rssAfterOurs, 'MB');
    emit('sync.process.peak_rss.mb', peakRssMb(), 'MB');
  } finally {
    for (const db of memoryDbs) await db.destroy().catch(() => undefined);
    for (const db of opened) db.dispose();
    await peer.stop();
  }
}
