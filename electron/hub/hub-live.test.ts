/**
 * A paired workstation replicates live with its hub by itself, with two app instances on real
 * SQLite files: once the join has pulled the centre's records the workstation's LAN link is up
 * (HTTPS, the pinned certificate, its own account), a write on either side shows on the other
 * within seconds without anyone asking, and after the workstation's app starts again the link comes
 * back with it.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { makePatient } from '../../db/testing/fixtures';
import { openTestApp, TEST_SETUP } from '../app/testing';
import { createClinicApp } from '../app/clinic-app';
import { chinaDateOf } from '../../shared/identity';

type TestApp = Awaited<ReturnType<typeof openTestApp>>;
const apps: TestApp[] = [];
const closers: Array<() => void> = [];
afterEach(async () => {
  for (const close of closers.splice(0)) close();
  for (const t of apps.splice(0)) {
    await t.app.context.hub.stop();
    t.close();
  }
});

async function until(check: () => boolean, timeoutMs: number, what: string): Promise<number> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > timeoutMs) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
  return Date.now() - started;
}

/** A hub instance (set up, hub mode on 127.0.0.1) and `count` new PCs joined to it. */
async function hubWith(count: number): Promise<{ hub: TestApp; pcs: TestApp[] }> {
  const hub = await openTestApp({ initialized: true });
  apps.push(hub);
  const enabled = await hub.call('hub.enable', { host: '127.0.0.1', port: 0 }, hub.adminSession);
  if (!enabled.ok) throw new Error(enabled.error.message);
  const pcs: TestApp[] = [];
  for (let i = 1; i <= count; i++) {
    const code = await hub.call('hub.newPairingCode', {}, hub.adminSession);
    if (!code.ok) throw new Error(code.error.message);
    const pc = await openTestApp();
    apps.push(pc);
    const join = await pc.call('hub.join', {
      address: `127.0.0.1:${enabled.value.listeningPort}`,
      code: code.value.code,
      fingerprint: enabled.value.fingerprint ?? '',
      label: `诊室 ${i}`,
    });
    if (!join.ok) throw new Error(join.error.message);
    await pc.app.context.restore.settled();
    pcs.push(pc);
  }
  return { hub, pcs };
}

async function hubAndWorkstation(): Promise<{ hub: TestApp; pc: TestApp }> {
  const { hub, pcs } = await hubWith(1);
  return { hub, pc: pcs[0] };
}

const patient = (n: number, name: string) => makePatient(n, { name, clinic_code: TEST_SETUP.clinic.code });

describe('a paired workstation live with its hub', () => {
  it('replicates both ways by itself within seconds of the join', async () => {
    const { hub, pc } = await hubAndWorkstation();
    const lan = pc.app.context.lan;
    await until(() => lan.indicator().state === 'connected', 10_000, 'the workstation connected to its hub');
    expect(lan.settingsView()).toMatchObject({ source: 'hub', username: 'ws_w02', serverUrl: expect.stringMatching(/^https:\/\/127\.0\.0\.1:\d+$/) });

    const fromPc = patient(20, '李建国');
    pc.app.context.data.store.bulkDocs([fromPc]);
    const up = await until(() => hub.app.context.data.patients.byId(fromPc._id) !== null, 5_000, 'the workstation’s write on the hub');
    const fromHub = patient(21, '张桂兰');
    hub.app.context.data.store.bulkDocs([fromHub]);
    const down = await until(() => pc.app.context.data.patients.byId(fromHub._id) !== null, 5_000, 'the hub’s write on the workstation');
    expect(Math.max(up, down)).toBeLessThan(5_000);
    await until(() => lan.indicator().pendingChanges === 0, 5_000, 'nothing pending');
    // The hub's 同步 screen lists the workstation, seen just now.
    const listed = await hub.call('lan.status', {}, hub.adminSession);
    expect(listed.ok && listed.value.workstations).toMatchObject([{ workstation: 'W02', lastSeenAt: expect.any(String) }]);
  }, 60_000);

  it('comes back with the workstation’s app after a restart', async () => {
    const { hub, pc } = await hubAndWorkstation();
    await until(() => pc.app.context.lan.indicator().state === 'connected', 10_000, 'connected');
    pc.app.close();
    const again = await createClinicApp({ dataDir: pc.dataDir, version: 'test', log: () => {} });
    closers.push(() => again.close());
    await until(() => again.context.lan.indicator().state === 'connected', 10_000, 'connected again after the restart');
    const fromHub = patient(22, '陈德明');
    hub.app.context.data.store.bulkDocs([fromHub]);
    await until(() => again.context.data.patients.byId(fromHub._id) !== null, 5_000, 'the hub’s write after the restart');
  }, 60_000);

  it('gives two workstations of one hub distinct 就诊序号 while it is up, claimed on the hub', async () => {
    const { hub, pcs } = await hubWith(2);
    for (const pc of pcs) await until(() => pc.app.context.lan.indicator().state === 'connected', 10_000, 'connected');
    // The two desks at once, each one registration after another, as at the counter.
    const desk = async (pc: TestApp, workstation: string) => {
      const given: Array<string | undefined> = [];
      for (let i = 0; i < 5; i++) given.push(await pc.app.context.lan.queueNumberFor('03', workstation));
      return given;
    };
    const numbers = (await Promise.all(pcs.map((pc, i) => desk(pc, `W0${i + 2}`)))).flat();
    // Centre-wide numbers (no workstation prefix), none given twice.
    expect(numbers.every((n) => n !== undefined && /^\d+$/.test(n))).toBe(true);
    expect(new Set(numbers).size).toBe(10);
    const day = numbers.length > 0 ? chinaDateOf(new Date()).replaceAll('-', '') : '';
    for (const n of numbers) expect(hub.app.context.data.store.get(`queue:${day}:03:${n}`)).toMatchObject({ type: 'queue_claim' });
  }, 60_000);
});
