/**
 * County setup against the CouchDB-protocol peer (express-pouchdb). That server enforces
 * `_security` members per database and runs validate_doc_update functions, so the clinic user's
 * reach can be checked for real. What it cannot show: CouchDB 3's 403 for an authenticated
 * non-member (it answers 401 for both cases).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countySetup, CountySetupError } from './county-setup';
import { startPeerServer, type PeerServer } from './testing/peer-server/start';
import { closedLoopbackPort } from './testing/ports';

function basic(user: string, password: string): string {
  return `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
}

async function call(url: string, method: string, auth: string, body?: unknown): Promise<{ status: number; json: Record<string, unknown> }> {
  const response = await fetch(url, { method, headers: { authorization: auth, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

describe('countySetup', () => {
  let peer: PeerServer;
  let admin: string;
  beforeAll(async () => {
    peer = await startPeerServer();
    admin = basic(peer.admin.user, peer.admin.password);
  });
  afterAll(async () => {
    await peer.stop();
  });

  const setup = (code: string, password: string) =>
    countySetup({ serverUrl: peer.url, adminUser: peer.admin.user, adminPassword: peer.admin.password, clinicCode: code, clinicPassword: password });

  it('creates the clinic database, a user that reaches only it, and the read-only reference database', async () => {
    const a = await setup('xz01', 'password-of-xz01');
    expect(a.steps.map((s) => s.outcome)).toEqual(['created', 'created', 'updated', 'created', 'created', 'updated', 'created']);
    await setup('xz02', 'password-of-xz02');
    const userA = basic('clinic_xz01', 'password-of-xz01');

    expect((await call(`${peer.url}/clinic_xz01`, 'GET', userA)).status).toBe(200);
    expect((await call(`${peer.url}/clinic_xz01/p1`, 'PUT', userA, { clinic_code: 'xz01', n: 1 })).status).toBe(201);
    // Another clinic's database is out of reach.
    expect((await call(`${peer.url}/clinic_xz02`, 'GET', userA)).status).toBe(401);
    expect((await call(`${peer.url}/clinic_xz02/p1`, 'PUT', userA, { clinic_code: 'xz01' })).status).toBe(401);
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
    expect((await call(`${peer.url}/clinic_xz01`, 'GET', basic('clinic_xz01', 'password-of-xz01'))).status).toBe(401);
    expect((await call(`${peer.url}/clinic_xz01`, 'GET', basic('clinic_xz01', 'a-new-password-xz01'))).status).toBe(200);
  });

  it('says plainly when the admin credentials are wrong or the server is unreachable', async () => {
    await expect(countySetup({ serverUrl: peer.url, adminUser: peer.admin.user, adminPassword: 'nope', clinicCode: 'xz03', clinicPassword: 'password-of-xz03' })).rejects.toMatchObject({
      code: 'SYNC_AUTH_FAILED',
    });
    await expect(countySetup({ serverUrl: `http://127.0.0.1:${await closedLoopbackPort()}`, adminUser: 'a', adminPassword: 'b', clinicCode: 'xz03', clinicPassword: 'password-of-xz03' })).rejects.toMatchObject({
      code: 'SYNC_HOST_UNREACHABLE',
    });
    await expect(setup('Bad Code', 'password-long-enough')).rejects.toBeInstanceOf(CountySetupError);
  });
});
