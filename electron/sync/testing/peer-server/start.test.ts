import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPeerServer, type PeerServer } from './start';

function basic(user: string, password: string): string {
  return `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
}

async function call(url: string, method: string, auth?: string, body?: unknown): Promise<{ status: number; json: Record<string, unknown> }> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (auth) headers.authorization = auth;
  const response = await fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

describe('peer server (express-pouchdb as a separate process)', () => {
  let peer: PeerServer;
  let admin: string;
  beforeAll(async () => {
    peer = await startPeerServer();
    admin = basic(peer.admin.user, peer.admin.password);
  });
  afterAll(async () => {
    await peer.stop();
  });

  it('listens on loopback and refuses database creation without the admin', async () => {
    expect(peer.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect((await call(`${peer.url}/anon_db`, 'PUT')).status).toBe(401);
    expect((await call(`${peer.url}/anon_db`, 'PUT', basic(peer.admin.user, 'wrong'))).status).toBe(401);
    expect((await call(`${peer.url}/made_by_admin`, 'PUT', admin)).status).toBe(201);
  });

  it('enforces _security members per database', async () => {
    for (const db of ['clinic_a', 'clinic_b']) {
      await call(`${peer.url}/${db}`, 'PUT', admin);
      const user = db.replace('clinic_', 'u_');
      await call(`${peer.url}/_users/org.couchdb.user:${user}`, 'PUT', admin, { name: user, password: 'pw', roles: [], type: 'user' });
      await call(`${peer.url}/${db}/_security`, 'PUT', admin, { members: { names: [user], roles: [] }, admins: { names: [], roles: [] } });
    }
    expect((await call(`${peer.url}/clinic_a`, 'GET', basic('u_a', 'pw'))).status).toBe(200);
    expect((await call(`${peer.url}/clinic_b`, 'GET', basic('u_a', 'pw'))).status).toBe(401);
    expect((await call(`${peer.url}/clinic_a`, 'GET')).status).toBe(401);
    // The security object is the admin's; a member may not read or rewrite it.
    expect((await call(`${peer.url}/clinic_a/_local/_security`, 'GET', basic('u_a', 'pw'))).status).toBe(403);
  });

  it('keeps replicated revision history in databases with a validate function (pouchdb-validation bug)', async () => {
    await call(`${peer.url}/validated`, 'PUT', admin);
    await call(`${peer.url}/validated/_design/v`, 'PUT', admin, { validate_doc_update: 'function (newDoc) { if (newDoc.bad) throw({ forbidden: "bad" }); }' });
    const doc = { _id: 'h', _rev: '3-cc', _revisions: { start: 3, ids: ['cc', 'bb', 'aa'] }, n: 1 };
    expect((await call(`${peer.url}/validated/_bulk_docs`, 'POST', admin, { docs: [doc], new_edits: false })).status).toBe(201);
    const read = await call(`${peer.url}/validated/h?revs=true`, 'GET', admin);
    expect(read.json._revisions).toEqual({ start: 3, ids: ['cc', 'bb', 'aa'] });
    const refused = await call(`${peer.url}/validated/_bulk_docs`, 'POST', admin, { docs: [{ _id: 'b', bad: true }] });
    expect(refused.json).toMatchObject([{ id: 'b', error: 'forbidden' }]);
  });

  it('counts documents received from replicators', async () => {
    await call(`${peer.url}/counted`, 'PUT', admin);
    const docs = [1, 2, 3].map((n) => ({ _id: `d${n}`, _rev: `1-${'a'.repeat(31)}${n}`, n }));
    const res = await call(`${peer.url}/counted/_bulk_docs`, 'POST', admin, { docs, new_edits: false });
    expect(res.status).toBe(201);
    expect((await peer.stats()).bulkDocsReceived.counted).toBe(3);
  });
});
