/**
 * County setup against both county servers: Apache CouchDB 3 and the express-pouchdb peer. Both
 * enforce `_security` members per database and run validate_doc_update functions, so the clinic
 * user's reach is checked for real. They differ in one answer: an authenticated non-member gets
 * 403 from CouchDB and 401 from express-pouchdb.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countySetup, CountySetupError, mergeReplicationDoc, type CountySetupInput } from './county-setup';
import { COUNTY_PEERS, type CountyPeer } from './testing/peers';
import { closedLoopbackPort } from './testing/ports';

function basic(user: string, password: string): string {
  return `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
}

async function call(url: string, method: string, auth: string, body?: unknown): Promise<{ status: number; json: Record<string, unknown> }> {
  const response = await fetch(url, {
    method,
    headers: { authorization: auth, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

describe.each(COUNTY_PEERS)('countySetup against $name', (choice) => {
  let peer: CountyPeer;
  let admin: string;
  const notMember = choice.kind === 'couchdb' ? 403 : 401;
  beforeAll(async () => {
    peer = await choice.start();
    admin = basic(peer.admin.user, peer.admin.password);
  });
  afterAll(async () => {
    await peer.stop();
  });

  const setup = (code: string, password: string, more: Partial<CountySetupInput> = {}) =>
    countySetup({ serverUrl: peer.url, adminUser: peer.admin.user, adminPassword: peer.admin.password, clinicCode: code, clinicPassword: password, ...more });

  it('creates the clinic database, a user that reaches only it, and the read-only reference database', async () => {
    const a = await setup('xz01', 'password-of-xz01');
    expect(a.steps.map((s) => s.outcome)).toEqual(['created', 'created', 'updated', 'created', 'created', 'updated', 'created']);
    await setup('xz02', 'password-of-xz02');
    const userA = basic('clinic_xz01', 'password-of-xz01');

    expect((await call(`${peer.url}/clinic_xz01`, 'GET', userA)).status).toBe(200);
    expect((await call(`${peer.url}/clinic_xz01/p1`, 'PUT', userA, { clinic_code: 'xz01', n: 1 })).status).toBe(201);
    // Another clinic's database is out of reach.
    expect((await call(`${peer.url}/clinic_xz02`, 'GET', userA)).status).toBe(notMember);
    expect((await call(`${peer.url}/clinic_xz02/p1`, 'PUT', userA, { clinic_code: 'xz01' })).status).toBe(notMember);
    // A document stamped with another clinic's code is refused by the validate function.
    expect((await call(`${peer.url}/clinic_xz01/p2`, 'PUT', userA, { clinic_code: 'xz02' })).status).toBe(403);
    // The reference database: readable by every clinic user, writable by none.
    await call(`${peer.url}/county_reference/reference_dictionary:demo`, 'PUT', admin, { type: 'reference_dictionary' });
    expect((await call(`${peer.url}/county_reference/reference_dictionary:demo`, 'GET', userA)).status).toBe(200);
    expect((await call(`${peer.url}/county_reference/x`, 'PUT', userA, { a: 1 })).status).toBe(403);
    // Creating databases stays with the admin.
    expect((await call(`${peer.url}/clinic_new`, 'PUT', userA)).status).toBe(401);
  });

  it('is idempotent and rotates the clinic password on a re-run', async () => {
    const again = await setup('xz01', 'a-new-password-xz01');
    expect(again.steps.map((s) => s.outcome)).toEqual(['unchanged', 'updated', 'unchanged', 'unchanged', 'unchanged', 'unchanged', 'unchanged']);
    // CouchDB's authentication cache learns of the new password from `_users`' changes, a moment later.
    await expect
      .poll(async () => (await call(`${peer.url}/clinic_xz01`, 'GET', basic('clinic_xz01', 'password-of-xz01'))).status, { timeout: 10_000 })
      .toBe(401);
    expect((await call(`${peer.url}/clinic_xz01`, 'GET', basic('clinic_xz01', 'a-new-password-xz01'))).status).toBe(200);
  });

  it('says plainly when the admin credentials are wrong or the server is unreachable', async () => {
    await expect(
      countySetup({ serverUrl: peer.url, adminUser: peer.admin.user, adminPassword: 'nope', clinicCode: 'xz03', clinicPassword: 'password-of-xz03' }),
    ).rejects.toMatchObject({
      code: 'SYNC_AUTH_FAILED',
    });
    await expect(
      countySetup({
        serverUrl: `http://127.0.0.1:${await closedLoopbackPort()}`,
        adminUser: 'a',
        adminPassword: 'b',
        clinicCode: 'xz03',
        clinicPassword: 'password-of-xz03',
      }),
    ).rejects.toMatchObject({
      code: 'SYNC_HOST_UNREACHABLE',
    });
    await expect(setup('Bad Code', 'password-long-enough')).rejects.toBeInstanceOf(CountySetupError);
  });

  it('says plainly when --url ends in a database name', async () => {
    await setup('xz04', 'password-of-xz04');
    const error = await countySetup({
      serverUrl: `${peer.url}/clinic_xz04`,
      adminUser: peer.admin.user,
      adminPassword: peer.admin.password,
      clinicCode: 'xz05',
      clinicPassword: 'password-of-xz05',
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'SETUP_URL_IS_DATABASE' });
    expect((error as Error).message).toContain('clinic_xz04');
    expect((error as Error).message).toContain(peer.url);
    expect((await call(`${peer.url}/clinic_xz05`, 'GET', admin)).status).toBe(404);
  });

  it('merges a clinic into county_all as the county_merge account, never with the admin password', async () => {
    const built = mergeReplicationDoc({ serverUrl: peer.url, mergePassword: 'merge-password-long' }, 'clinic_xz06', {
      database: 'county_all',
      endpoints: 'url',
    });
    expect(built).toMatchObject({ source: { auth: { basic: { username: 'county_merge' } } } });
    expect(JSON.stringify(built)).not.toContain(peer.admin.password);
    // express-pouchdb's replicator takes database names only (COUNTY-SERVER.md); the job itself runs on CouchDB.
    if (choice.kind !== 'couchdb') return;
    const mergeInto = { database: 'county_all', endpoints: 'url' } as const;
    await expect(setup('xz06', 'password-of-xz06', { mergeInto })).rejects.toMatchObject({ code: 'SETUP_INVALID_INPUT' });
    const result = await setup('xz06', 'password-of-xz06', { mergeInto, mergePassword: 'merge-password-long' });
    expect(result.steps.map((s) => s.step)).toContain('汇总账号 county_merge');
    const job = await call(`${peer.url}/_replicator/merge_clinic_xz06`, 'GET', admin);
    expect(JSON.stringify(job.json)).not.toContain(peer.admin.password);
    expect(job.json).toMatchObject({ source: { auth: { basic: { username: 'county_merge' } } }, target: { auth: { basic: { username: 'county_merge' } } } });
    // The job really runs as that account: a clinic's record reaches county_all.
    const clinic = basic('clinic_xz06', 'password-of-xz06');
    expect((await call(`${peer.url}/clinic_xz06/p1`, 'PUT', clinic, { clinic_code: 'xz06', n: 1 })).status).toBe(201);
    await expect.poll(async () => (await call(`${peer.url}/county_all/p1`, 'GET', admin)).status, { timeout: 30_000, interval: 500 }).toBe(200);
    // The merge account reads clinic databases and writes county_all, and nothing else.
    expect((await call(`${peer.url}/county_reference/x`, 'PUT', basic('county_merge', 'merge-password-long'), { a: 1 })).status).toBe(403);
  }, 60_000);
});
