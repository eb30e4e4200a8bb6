/**
 * `npm run bench -- sync [--docs 20000,100000] [--peers couchdb]` (default 2,000 documents: a quick run)
 *
 * Replication throughput of the clinic's store through our PouchDB adapter, against PouchDB's
 * stock replication (memory adapter) to the same county server, in the same run, same batch
 * settings, once against Apache CouchDB 3 (`sync.couchdb.*`) and once against express-pouchdb
 * (`sync.express-pouchdb.*`), each a separate process on 127.0.0.1 (electron/sync/testing/peers.ts):
 *
 *   push: N documents from a local database to an empty county database;
 *   pull: the same N documents into a fresh, empty local database, as a disaster recovery does it
 *         (documents only, projections deferred), then the projection rebuild that ends a recovery,
 *         timed on its own; and once more into another fresh database with projections written as
 *         each document arrives (how an ordinary nightly pull writes);
 *   nightly delta: 2,000 documents changed since the last sync, one full sync run (push, pull, settle);
 *   peak RSS of this process (the peer's memory is its own);
 * and once per peer, not per size, the nightly delta over a shaped rural line (sync-shaped.ts).
 *
 * Metric names carry the peer and the size: `sync.couchdb.n20000.push.ratio_vs_pouchdb`.
 *
 * These machines are noisy, and a load change between "ours" and "stock" would decide the ratio.
 * So the N documents go in four rounds of N/4 (each push and pull resuming from its checkpoint),
 * ours and stock alternating which goes first, and each ratio is total time against total time.
 * Each side has its own fresh peer process, so neither pays for the other's data in the server.
 *
 * Prints figures; asserts nothing.
 */
import { createRequire } from 'node:module';
import { deferProjections, rebuildProjectionsSync } from '../db/projections/rebuild';
import { makePatient, openTemporaryDatabase } from '../db/testing/fixtures';
import { FAST_LINE } from '../electron/sync/batching';
import { couchAdmin } from '../electron/sync/couch-admin';
import type { DocumentStoreApi } from '../db/store/types';
import { SyncEngine } from '../electron/sync/engine';
import { clinicPouchDB } from '../electron/sync/pouch-adapter';
import type { PouchDatabase } from '../electron/sync/pouch';
import { COUNTY_PEERS, type PeerChoice } from '../electron/sync/testing/peers';
import type { BenchContext } from './run';
import { nightlyOverShapedLine } from './sync-shaped';

interface BenchArgs {
  emit(metric: string, value: number, unit: string): void;
}

const DEFAULT_DOCS = 2_000;

/** `--docs 20000,100000`, else `--size N`, else the quick default. */
export function documentCounts(ctx: Pick<BenchContext, 'args' | 'size'>): number[] {
  const at = ctx.args.indexOf('--docs');
  if (at < 0) return [ctx.size ?? DEFAULT_DOCS];
  const counts = (ctx.args[at + 1] ?? '').split(',').map(Number);
  if (counts.length === 0 || !counts.every((n) => Number.isInteger(n) && n >= 1_000)) {
    throw new Error('--docs 需要以逗号分隔的文档数，每个至少 1000，例如 --docs 20000,100000');
  }
  return counts;
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

/** `--peers couchdb` or `--peers express-pouchdb` runs against one only; both by default, CouchDB first. */
function countyPeers(args: ReadonlyArray<string>): PeerChoice[] {
  const at = args.indexOf('--peers');
  const all = [...COUNTY_PEERS].reverse();
  if (at < 0) return all;
  const wanted = new Set((args[at + 1] ?? '').split(','));
  const chosen = all.filter((p) => wanted.has(p.kind));
  if (chosen.length === 0) throw new Error(`--peers 取值为 ${all.map((p) => p.kind).join('、')}，可用逗号分隔`);
  return chosen;
}

export default async function run(ctx: BenchContext): Promise<void> {
  const sizes = documentCounts(ctx);
  const peers = countyPeers(ctx.args);
  for (const n of sizes) {
    for (const choice of peers) {
      ctx.progress(`county server: ${choice.name}, ${n} documents`);
      await runAgainst(
        choice,
        n,
        (metric, value, unit) => ctx.emit(metric.replace(/^sync\./, `sync.${choice.kind}.n${n}.`), value, unit),
        (m) => ctx.progress(`${choice.name} ${n}: ${m}`),
      );
    }
  }
  for (const choice of peers) {
    ctx.progress(`county server: ${choice.name}, nightly delta over a shaped line`);
    await nightlyOverShapedLine(
      choice,
      (metric, value, unit) => ctx.emit(metric.replace(/^sync\./, `sync.${choice.kind}.`), value, unit),
      (m) => ctx.progress(`${choice.name}: ${m}`),
    );
  }
}

async function runAgainst(choice: PeerChoice, n: number, emit: BenchArgs['emit'], say: (message: string) => void): Promise<void> {
  const PouchDB = clinicPouchDB();
  PouchDB.plugin(require('pouchdb-adapter-memory'));
  // One fresh peer process for each side, so neither pays for the other's data in the server.
  const peers = { ours: await choice.start(), stock: await choice.start() };
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

    const rounds = Math.max(1, Math.min(4, Math.floor(n / 1_000)));
    const main = await ours.prepare('benchmain', 0);
    const fresh = openTemporaryDatabase();
    opened.push(fresh);
    deferProjections(fresh);
    const freshEngine = ours.engine(fresh, 'benchmain');
    const stockSource = await stock.prepare('main', 0);
    const stockTarget = await stock.prepare('pulled', 0);
    const totals = { oursPush: 0, stockPush: 0, oursPull: 0, stockPull: 0 };
    let written = 0;
    for (let round = 0; round < rounds; round++) {
      const count = round === rounds - 1 ? n - written : Math.floor(n / rounds);
      say(`round ${round + 1}/${rounds}: ${count} new documents on each side`);
      for (let i = 0; i < count; i += 5_000) {
        const docs = docsFor('benchmain', written + i, Math.min(5_000, count - i));
        main.db.store.bulkDocs(docs);
        await stockSource.bulkDocs(docs);
      }
      written += count;
      const steps: Array<() => Promise<void>> = [
        async () => {
          // The run also pulls (and finds only what it just pushed); the push phase is what compares.
          totals.oursPush += (await timedRun(main.engine, 'manual')).push;
        },
        async () => {
          const t = process.hrtime.bigint();
          await PouchDB.replicate(stockSource, stock.remote('main'), replicateOptions);
          totals.stockPush += seconds(t);
        },
        async () => {
          totals.oursPull += (await timedRun(freshEngine, 'recovery')).pull;
        },
        async () => {
          const t = process.hrtime.bigint();
          await PouchDB.replicate(stock.remote('main'), stockTarget, replicateOptions);
          totals.stockPull += seconds(t);
        },
      ];
      const order = round % 2 === 0 ? [0, 1, 2, 3] : [1, 0, 3, 2];
      for (const step of order) await steps[step]();
      // A long run's figures so far, on stderr: an interrupted run still says something.
      say(
        `after round ${round + 1}: push ratio ${(totals.stockPush / totals.oursPush).toFixed(3)}, ` +
          `pull ratio ${(totals.stockPull / totals.oursPull).toFixed(3)} (${written} documents)`,
      );
    }
    const oursRss = peakRssMb();

    say("rebuilding the recovered database's projections");
    const rebuildStarted = process.hrtime.bigint();
    rebuildProjectionsSync(fresh);
    const rebuild = seconds(rebuildStarted);

    say('one more pull, into a database that projects as it writes');
    const projected = openTemporaryDatabase();
    opened.push(projected);
    const projectedPull = (await timedRun(ours.engine(projected, 'benchmain'), 'manual')).pull;

    emit('sync.push.ours.docs_per_s', n / totals.oursPush, 'docs/s');
    emit('sync.push.pouchdb.docs_per_s', n / totals.stockPush, 'docs/s');
    emit('sync.push.ratio_vs_pouchdb', totals.stockPush / totals.oursPush, 'ratio');
    emit('sync.pull.ours.docs_per_s', n / totals.oursPull, 'docs/s');
    emit('sync.pull.pouchdb.docs_per_s', n / totals.stockPull, 'docs/s');
    emit('sync.pull.ratio_vs_pouchdb', totals.stockPull / totals.oursPull, 'ratio');
    emit('sync.recovery.rebuild_projections.s', rebuild, 's');
    emit('sync.recovery.with_rebuild.docs_per_s', n / (totals.oursPull + rebuild), 'docs/s');
    emit('sync.recovery.with_rebuild.ratio_vs_pouchdb', totals.stockPull / (totals.oursPull + rebuild), 'ratio');
    emit('sync.pull.projected.docs_per_s', n / projectedPull, 'docs/s');
    // Stock PouchDB has no projections: its plain pull is what a projecting pull is held against.
    emit('sync.pull.projected.ratio_vs_pouchdb', totals.stockPull / projectedPull, 'ratio');

    // A night's delta: 2,000 records changed during the day, one full sync run (push, pull, settle).
    const delta = Math.min(2_000, n);
    say(`nightly delta of ${delta} changed documents`);
    const changes = main.db.store.changes({ since: 0, limit: delta, includeDocs: true });
    main.db.store.bulkDocs(changes.results.map((row) => ({ ...row.doc!, phone: '13999999999' })));
    const nightly = await timedRun(main.engine, 'nightly');
    emit('sync.nightly_delta_2000.run.s', nightly.total, 's');
    emit('sync.nightly_delta_2000.push.s', nightly.push, 's');
    // This process holds both sides; the stock side keeps its documents in memory databases.
    emit('sync.process.peak_rss.mb', oursRss, 'MB');
  } finally {
    for (const db of memoryDbs) await db.destroy().catch(() => undefined);
    for (const db of opened) db.dispose();
    await Promise.all([peers.ours.stop(), peers.stock.stop()]);
  }
}
