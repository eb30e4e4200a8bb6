/**
 * The live link never stays down by itself (link-health.ts), against express-pouchdb as the
 * centre's endpoint:
 *
 * - the endpoint restarts empty and refuses the account until it is set up again: a workstation
 *   that asked in between is refused, tries again by itself, and converges, with nobody pressing
 *   立即连接;
 * - a request that never settles, deaf to its deadline's abort (what a lost promise inside the
 *   replicator looks like from outside): the stall watch ends the connection and starts again.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeHttpFetch, type RemoteFetch } from '../sync';
import { couchRemoteFactory } from './remote';
import { converged, describeLink, EXPRESS_POUCHDB_CENTRE, openWorkstation, type CentreEndpoint, type TestWorkstation } from './testing/centre';

async function until(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const limit = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > limit) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('the live link recovers by itself (express-pouchdb)', () => {
  let centre: CentreEndpoint;
  const open: TestWorkstation[] = [];
  beforeAll(async () => {
    centre = await EXPRESS_POUCHDB_CENTRE.start();
  }, 120_000);
  afterAll(async () => {
    for (const w of open) w.dispose();
    await centre.stop();
  });

  it('tries a refused endpoint again by itself once it is set up again after a restart', async () => {
    await centre.addCentre('rr01');
    const [a, b] = [openWorkstation('rr01', centre.endpoint('rr01')), openWorkstation('rr01', centre.endpoint('rr01'))];
    open.push(a, b);
    await until(() => a.replication.status().state === 'connected' && b.replication.status().state === 'connected', 10_000, 'connected');

    await centre.kill();
    a.addPatients(3);
    b.addPatients(2);
    await centre.restart({ setUp: false });
    // Listening, but without the centre's database and account yet: both are refused.
    await until(() => a.replication.status().state === 'refused' && b.replication.status().state === 'refused', 10_000, 'refused');
    expect(a.replication.status().lastError?.code).toBe('SYNC_AUTH_FAILED');
    expect(a.replication.status().retryAt).not.toBeNull();

    await centre.addCentre('rr01');
    const snapshot = await converged([() => a.snapshot(), () => b.snapshot(), () => centre.snapshot('rr01')], 15_000, () =>
      [describeLink('a', a.replication.status()), describeLink('b', b.replication.status())].join('; '),
    );
    expect(Object.keys(snapshot)).toHaveLength(5);
    expect(a.replication.status().state).toBe('connected');
  }, 60_000);

  it('ends a connection whose request never settles and starts again', async () => {
    await centre.addCentre('rr02');
    const endpoint = centre.endpoint('rr02');
    let deaf = false;
    const real = nodeHttpFetch();
    // Deaf: never answers, never fails, ignores the deadline's abort.
    const switchable: RemoteFetch = (url, init) => (deaf ? new Promise(() => undefined) : real(url, init));
    const stuck = openWorkstation('rr02', endpoint, {
      remote: couchRemoteFactory(endpoint, { fetch: switchable, timeoutMs: 500 }),
      stallMs: 2_000,
      wakeCheckMs: 100,
    });
    const other = openWorkstation('rr02', endpoint);
    open.push(stuck, other);
    await until(() => stuck.replication.status().state === 'connected' && other.replication.status().state === 'connected', 10_000, 'connected');

    deaf = true;
    other.addPatients(2);
    stuck.addPatients(1);
    await until(() => stuck.replication.status().state === 'unreachable', 10_000, 'the stuck connection ended');
    expect(stuck.replication.status().lastError?.code).toBe('SYNC_TIMEOUT');
    expect(stuck.replication.status().lastError?.detail).toContain('no answer');

    deaf = false;
    const snapshot = await converged([() => stuck.snapshot(), () => other.snapshot(), () => centre.snapshot('rr02')], 15_000);
    expect(Object.keys(snapshot)).toHaveLength(3);
  }, 60_000);
});
