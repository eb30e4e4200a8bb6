/**
 * `npm run bench -- lan [--compress 15]`
 *
 * Live replication across one centre's PCs: app instances (the whole app, router included, each
 * with its own data folder) replicating with the centre's endpoint, express-pouchdb in its own
 * process on 127.0.0.1 (pouchdb-server standing in for the centre's CouchDB). The instances share
 * this process, so they also share its event loop: the figures include that contention, which a
 * centre's separate PCs do not have.
 *
 * - delivery with 2 and with 10 workstations: from a registration's commit on one instance (the
 *   router's answer) to its appearance in every other instance's today query (`visits.listToday`,
 *   read when the instance's change events say a visit arrived, as the screen does): p50, p95;
 * - a burst: 400 registrations from two front desks, seen by 8 doctors' instances. The issue's 10
 *   minutes are compressed by `--compress` (default 15: 400 registrations in 40 s); all delivered?
 *   delay p50, p95.
 *
 * Prints figures; asserts nothing.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ApiResult, InputOf, MethodName, OutputOf } from '../shared/api';
import { createClinicApp, type ClinicApp } from '../electron/app/clinic-app';
import { TEST_SETUP, TEST_ADMIN } from '../electron/app/testing';
import { EXPRESS_POUCHDB_CENTRE, type CentreEndpoint } from '../electron/lan/testing/centre';
import { clinicPassword } from '../electron/sync/testing/clinic-fixture';
import type { BenchContext } from './run';
import { nowMs, percentile } from './stats';

const CODE = TEST_SETUP.clinic.code;
const REGISTRAR = { username: 'front', displayName: '赵挂号', password: 'Front2026ok' };

interface Instance {
  readonly app: ClinicApp;
  readonly dataDir: string;
  session: string;
  call<N extends MethodName>(method: N, input: InputOf<N>): Promise<OutputOf<N>>;
}

async function openInstance(centre: CentreEndpoint, workstation: string, first: boolean): Promise<Instance> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'clinic-bench-lan-'));
  const environment = { CLINIC_LAN_URL: centre.url, CLINIC_LAN_PASSWORD: clinicPassword(CODE) };
  const app = await createClinicApp({ dataDir, version: 'bench', log: () => undefined, environment });
  const instance: Instance = {
    app,
    dataDir,
    session: '',
    async call(method, input) {
      const result = (await app.router.invoke({ method, input, session: instance.session || undefined })) as ApiResult<OutputOf<typeof method>>;
      if (!result.ok) throw new Error(`${workstation} ${method}: ${result.error.code} ${result.error.message}`);
      return result.value;
    },
  };
  if (first) {
    await instance.call('setup.initialize', { ...TEST_SETUP, workstationId: workstation });
    instance.session = (await instance.call('auth.login', { username: TEST_ADMIN.username, password: TEST_ADMIN.password })).sessionToken;
    await instance.call('admin.createUser', { ...REGISTRAR, roles: ['registrar'], departmentCodes: [] });
  } else {
    await instance.call('setup.restoreFromCounty', { serverUrl: centre.url, clinicCode: CODE, password: clinicPassword(CODE), workstationId: workstation });
    await app.context.restore.settled();
  }
  instance.session = (await instance.call('auth.login', { username: REGISTRAR.username, password: REGISTRAR.password })).sessionToken;
  app.context.lan.indicator(); // starts the link now that the clinic is set up
  return instance;
}

async function settled(instances: ReadonlyArray<Instance>): Promise<void> {
  for (let i = 0; i < 600; i++) {
    if (instances.every((x) => x.app.context.lan.indicator().state === 'connected' && x.app.context.lan.indicator().pendingChanges === 0)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Resolves, per watcher, the moment its today query first lists `visitNumber`. */
function watchArrivals(watchers: ReadonlyArray<Instance>) {
  const waiting = new Map<string, { started: number; left: Set<Instance>; delays: number[]; done: () => void }>();
  const unsubscribe = watchers.map((w) =>
    w.app.changes.subscribe((batch) => {
      if (!batch.events.some((e) => e.kind === 'visits') || waiting.size === 0) return;
      void w.call('visits.listToday', {}).then((today) => {
        const listed = new Set(today.visits.map((v) => v.visitNumber));
        for (const [number, entry] of waiting) {
          if (!entry.left.has(w) || !listed.has(number)) continue;
          entry.left.delete(w);
          entry.delays.push(nowMs() - entry.started);
          if (entry.left.size === 0) {
            waiting.delete(number);
            entry.done();
          }
        }
      });
    }),
  );
  return {
    expect(visitNumber: string, started: number, from: Instance): { delays: number[]; arrived: Promise<void> } {
      const delays: number[] = [];
      const arrived = new Promise<void>((done) => waiting.set(visitNumber, { started, left: new Set(watchers.filter((w) => w !== from)), delays, done }));
      return { delays, arrived };
    },
    pending: () => waiting.size,
    stop: () => unsubscribe.forEach((u) => u()),
  };
}

async function newPatients(desk: Instance, count: number, tag: string): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const saved = await desk.call('patients.register', {
      patient: { name: `测试${tag}${i}`, sex: i % 2 === 0 ? '1' : '2', birthDate: '1960-01-01', cards: [], allergies: [] },
      acknowledgedDuplicates: true,
    });
    ids.push(saved.id);
  }
  return ids;
}

async function register(desk: Instance, patientId: string): Promise<{ visitNumber: string; committed: number }> {
  const visit = await desk.call('visits.register', { patientId, departmentCode: '03', visitType: 'first', feeCategory: 'self' });
  return { visitNumber: visit.visitNumber, committed: nowMs() };
}

async function deliveryRound(ctx: BenchContext, centre: CentreEndpoint, instances: Instance[], size: number): Promise<void> {
  while (instances.length < size) instances.push(await openInstance(centre, `W${String(instances.length + 1).padStart(2, '0')}`, false));
  await settled(instances);
  const desk = instances[0];
  const patients = await newPatients(desk, 30, `d${size}`);
  await settled(instances);
  const watch = watchArrivals(instances);
  const delays: number[] = [];
  for (const patientId of patients) {
    const { visitNumber, committed } = await register(desk, patientId);
    const expected = watch.expect(visitNumber, committed, desk);
    await Promise.race([expected.arrived, new Promise((r) => setTimeout(r, 10_000))]);
    delays.push(...expected.delays);
  }
  watch.stop();
  ctx.emit(`lan.delivery.${size}_workstations.p50`, percentile(delays, 50), 'ms');
  ctx.emit(`lan.delivery.${size}_workstations.p95`, percentile(delays, 95), 'ms');
  ctx.emit(`lan.delivery.${size}_workstations.samples`, delays.length, 'count');
}

async function burst(ctx: BenchContext, instances: Instance[], compress: number): Promise<void> {
  const desks = instances.slice(0, 2);
  const doctors = instances.slice(2, 10);
  const total = 400;
  const perDesk = await Promise.all(desks.map((d, i) => newPatients(d, total / 2, `b${i}`)));
  await settled(instances);
  const watch = watchArrivals(doctors);
  const spacingMs = (10 * 60_000) / compress / (total / 2);
  const delays: number[] = [];
  const arrivals: Array<Promise<void>> = [];
  const started = nowMs();
  await Promise.all(
    desks.map(async (desk, d) => {
      for (let i = 0; i < total / 2; i++) {
        const due = started + i * spacingMs + d * (spacingMs / 2);
        const wait = due - nowMs();
        if (wait > 0) await new Promise((r) => setTimeout(r, wait));
        const { visitNumber, committed } = await register(desk, perDesk[d][i]);
        // Every doctor watches; the desk itself is not among them.
        const expected = watch.expect(visitNumber, committed, desk);
        arrivals.push(expected.arrived.then(() => void delays.push(...expected.delays)));
      }
    }),
  );
  await Promise.race([Promise.all(arrivals), new Promise((r) => setTimeout(r, 60_000))]);
  watch.stop();
  ctx.emit('lan.burst.registrations', total, 'count');
  ctx.emit('lan.burst.compressed_duration', (nowMs() - started) / 1000, 's');
  ctx.emit('lan.burst.time_compression', compress, 'x');
  ctx.emit('lan.burst.deliveries_expected', total * doctors.length, 'count');
  ctx.emit('lan.burst.deliveries_seen', delays.length, 'count');
  ctx.emit('lan.burst.delay.p50', percentile(delays, 50), 'ms');
  ctx.emit('lan.burst.delay.p95', percentile(delays, 95), 'ms');
}

export default async function lanBench(ctx: BenchContext): Promise<void> {
  const compressAt = ctx.args.indexOf('--compress');
  const compress = compressAt >= 0 ? Number(ctx.args[compressAt + 1]) : 15;
  const centre = await EXPRESS_POUCHDB_CENTRE.start();
  const instances: Instance[] = [];
  try {
    await centre.addCentre(CODE);
    instances.push(await openInstance(centre, 'W01', true));
    ctx.progress('2 workstations');
    await deliveryRound(ctx, centre, instances, 2);
    ctx.progress('10 workstations');
    await deliveryRound(ctx, centre, instances, 10);
    ctx.progress(`burst of 400 registrations, time compressed ${compress}x`);
    await burst(ctx, instances, compress);
  } finally {
    for (const x of instances) {
      x.app.close();
      rmSync(x.dataDir, { recursive: true, force: true });
    }
    await centre.stop();
  }
}
