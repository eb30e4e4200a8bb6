/**
 * 同步 through the router, as the screens call it, against a real CouchDB-protocol server process:
 * settings, a manual run, a wrong password, the conflict inbox, compaction.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makePatient } from '../../db/testing/fixtures';
import { openTestApp, TEST_SETUP } from '../app/testing';
import { couchAdmin, type CouchAdmin } from '../sync/couch-admin';
import { countySetup } from '../sync/county-setup';
import { startPeerServer, type PeerServer } from '../sync/testing/peer-server/start';

const CODE = TEST_SETUP.clinic.code;
const DATABASE = `clinic_${CODE}`;
const PASSWORD = 'county-sync-password-1';

let peer: PeerServer;
let admin: CouchAdmin;
let t: Awaited<ReturnType<typeof openTestApp>>;

const readStatus = async () => must(await t.call('sync.status', {}, t.adminSession));

const must = <T>(result: { ok: true; value: T } | { ok: false; error: { code: string; message: string } }): T => {
  if (!result.ok) throw new Error(`${result.error.code} ${result.error.message}`);
  return result.value;
};

const settings = (overrides: Partial<{ serverUrl: string; database: string; username: string; password: string }> = {}) => ({
  serverUrl: peer.url,
  database: DATABASE,
  username: DATABASE,
  password: PASSWORD,
  window: { start: '01:00', end: '05:00' },
  ...overrides,
});

beforeAll(async () => {
  peer = await startPeerServer();
  admin = couchAdmin({ serverUrl: peer.url, user: peer.admin.user, password: peer.admin.password });
  await countySetup({ serverUrl: peer.url, adminUser: peer.admin.user, adminPassword: peer.admin.password, clinicCode: CODE, clinicPassword: PASSWORD });
  t = await openTestApp({ initialized: true });
});

afterAll(async () => {
  t?.close();
  await peer?.stop();
});

describe('sync API', () => {
  it('starts unconfigured, with the set-up documents waiting to go up', async () => {
    const status = must(await t.call('sync.status', {}, t.adminSession));
    expect(status).toMatchObject({ state: 'not_configured', running: false, lastSuccessAt: null, conflictCount: 0 });
    expect(status.pendingChanges).toBeGreaterThan(3);
    expect(must(await t.call('sync.getSettings', {}, t.adminSession))).toMatchObject({
      source: 'none',
      database: DATABASE,
      username: DATABASE,
      passwordSet: false,
      window: { start: '01:00', end: '05:00' },
    });
    const now = await t.call('sync.syncNow', { wait: true }, t.adminSession);
    expect(now.ok || now.error.message).toMatch(/还没有设置县级平台同步/);
  });

  it('refuses an address that is not http(s), and a database of another clinic', async () => {
    const ftp = await t.call('sync.saveSettings', settings({ serverUrl: 'ftp://county.example.cn' }), t.adminSession);
    expect(ftp.ok).toBe(false);
    if (!ftp.ok) expect(ftp.error.fields).toEqual([{ path: 'serverUrl', message: '地址只能以 http:// 或 https:// 开头' }]);
    const other = await t.call('sync.saveSettings', settings({ database: 'clinic_other' }), t.adminSession);
    expect(other.ok).toBe(false);
    if (!other.ok) expect(other.error.fields?.[0]).toMatchObject({ path: 'database', message: expect.stringContaining(`clinic_${CODE}`) });
  });

  it('saves the settings (never giving the password back), syncs now, and reports success with nothing pending', async () => {
    const saved = must(await t.call('sync.saveSettings', settings(), t.adminSession));
    expect(saved).toEqual({
      source: 'saved',
      serverUrl: peer.url,
      database: DATABASE,
      username: DATABASE,
      passwordSet: true,
      window: { start: '01:00', end: '05:00' },
    });
    expect(JSON.stringify(saved)).not.toContain(PASSWORD);

    const run = must(await t.call('sync.syncNow', { wait: true }, t.adminSession));
    expect(run.outcome).toEqual({ ok: true, error: null });
    const status = must(await t.call('sync.status', {}, t.adminSession));
    expect(status).toMatchObject({ state: 'idle', running: false, pendingChanges: 0, lastError: null, progress: null });
    expect(status.lastSuccessAt).not.toBeNull();
    expect(status.nextRun?.trigger).toMatch(/nightly|startup/);
    expect(status.localDatabaseBytes).toBeGreaterThan(0);

    const [last] = must(await t.call('sync.history', { limit: 5 }, t.adminSession)).runs;
    expect(last).toMatchObject({ trigger: 'manual', outcome: 'ok', error: null });
    expect(last.pushed).toBeGreaterThan(3);
    const county = await admin.request('GET', `/${DATABASE}/settings:clinic`);
    expect(county.body.name).toBe(TEST_SETUP.clinic.name);

    const bar = must(await t.call('system.status', {}, t.adminSession)).sync;
    expect(bar).toMatchObject({ state: 'idle', pendingChanges: 0, message: '同步正常' });
  });

  it('says in Chinese when the password is wrong, keeps local data, and recovers once it is right', async () => {
    must(await t.call('sync.saveSettings', settings({ password: 'not-the-password-9' }), t.adminSession));
    const before = t.app.context.data.store.info();
    const run = must(await t.call('sync.syncNow', { wait: true }, t.adminSession));
    expect(run.outcome?.ok).toBe(false);
    expect(run.outcome?.error?.code).toBe('SYNC_AUTH_FAILED');
    const [failed] = must(await t.call('sync.history', { limit: 1 }, t.adminSession)).runs;
    expect(failed.outcome).toBe('error');
    expect(failed.error?.message).toContain('账号或密码');
    expect(must(await t.call('sync.status', {}, t.adminSession))).toMatchObject({ state: 'error', lastError: { code: 'SYNC_AUTH_FAILED' } });
    expect(must(await t.call('system.status', {}, t.adminSession)).sync.message).toContain('密码');
    expect(t.app.context.data.store.info().docCount).toBe(before.docCount);

    // An empty password keeps the saved one: send the right one, then save again without it.
    must(await t.call('sync.saveSettings', settings(), t.adminSession));
    const { password: _omitted, ...withoutPassword } = settings();
    expect(must(await t.call('sync.saveSettings', withoutPassword, t.adminSession)).passwordSet).toBe(true);
    expect(must(await t.call('sync.syncNow', { wait: true }, t.adminSession)).outcome).toEqual({ ok: true, error: null });
  });

  it('lists a department edited in two places, shows both sides, resolves field by field (audited), and the resolution replicates', async () => {
    const id = 'department:03';
    const store = t.app.context.data.store;
    // The county's copy is edited (the same base revision) while this PC edits its own.
    const remote = await admin.request('GET', `/${DATABASE}/${id}`);
    const put = await admin.request('PUT', `/${DATABASE}/${id}`, { ...remote.body, name: '内科门诊', updated_by: 'county' });
    expect(put.status).toBe(201);
    const local = store.get(id)!;
    const [edited] = store.bulkDocs([{ ...local, outpatient: false, name: '内一科', updated_by: 'admin' }]);
    expect(edited.ok).toBe(true);
    expect(must(await t.call('sync.syncNow', { wait: true }, t.adminSession)).outcome?.ok).toBe(true);

    const { conflicts } = must(await t.call('sync.conflicts.list', {}, t.adminSession));
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]).toMatchObject({ id, type: 'department' });
    expect(conflicts[0].label).toMatch(/^科室 /);
    expect(must(await t.call('sync.status', {}, t.adminSession)).conflictCount).toBe(1);

    const detail = must(await t.call('sync.conflicts.show', { id }, t.adminSession));
    expect(detail.sides).toHaveLength(2);
    expect(detail.sides[0].winner).toBe(true);
    const byName = Object.fromEntries(detail.fields.map((f) => [f.name, f]));
    expect(byName.name).toMatchObject({ pickable: true, differs: true });
    expect([...byName.name.values].sort()).toEqual(['内一科', '内科门诊']);
    expect(byName.outpatient.differs).toBe(true);
    expect(byName.code).toMatchObject({ differs: false, values: ['03', '03'] });
    expect(byName.updated_by).toMatchObject({ pickable: false, differs: true });

    // A stale view is refused and writes nothing.
    const stale = await t.call(
      'sync.conflicts.resolve',
      { id, seenRevs: [detail.seenRevs[0], `9-${'a'.repeat(32)}`], choice: { kind: 'keep', rev: detail.seenRevs[0] } },
      t.adminSession,
    );
    expect(stale.ok || stale.error.code).toBe('CONFLICT');

    // The county's name, this PC's outpatient flag.
    const countySide = detail.sides[byName.name.values.indexOf('内科门诊')].rev;
    const localSide = detail.sides[byName.name.values.indexOf('内一科')].rev;
    const resolved = must(
      await t.call(
        'sync.conflicts.resolve',
        { id, seenRevs: detail.seenRevs, choice: { kind: 'fields', base: localSide, picks: { name: countySide } } },
        t.adminSession,
      ),
    );
    expect(resolved).toMatchObject({ id, chosen: 'merged' });
    expect(resolved.newRev).toMatch(/^3-/);
    expect(store.get(id)).toMatchObject({ name: '内科门诊', outpatient: false, updated_by: 'admin' });
    expect(must(await t.call('sync.conflicts.list', {}, t.adminSession)).conflicts).toEqual([]);

    const audits = store
      .changes({ includeDocs: true })
      .results.flatMap((row) => (row.doc?.type === 'audit' && row.doc.action === 'sync.conflict.resolved' ? [row.doc] : []));
    expect(audits).toHaveLength(1);
    expect(audits[0].target_ids).toEqual([id]);
    expect(String(audits[0].detail)).toContain(resolved.newRev!);

    expect(must(await t.call('sync.syncNow', { wait: true }, t.adminSession)).outcome?.ok).toBe(true);
    const county = await admin.request('GET', `/${DATABASE}/${encodeURIComponent(id)}?conflicts=true`);
    expect(county.body).toMatchObject({ _rev: resolved.newRev, name: '内科门诊', outpatient: false });
    expect(county.body._conflicts).toBeUndefined();
  });

  it('compacts the local database (old settings revisions go, the record stays) and still syncs afterwards', async () => {
    const store = t.app.context.data.store;
    const id = 'department:07';
    for (const name of ['儿科一', '儿科二', '儿科三']) {
      const [r] = store.bulkDocs([{ ...store.get(id)!, name }]);
      expect(r.ok).toBe(true);
    }
    const report = must(await t.call('sync.compact', {}, t.adminSession));
    expect(report.revisionsDropped).toBeGreaterThanOrEqual(3);
    expect(store.listRevisions(id)).toHaveLength(1);
    expect(store.listRevisions('department:03').length).toBeGreaterThan(1);
    expect(must(await t.call('sync.status', {}, t.adminSession)).lastCompaction).toMatchObject({
      bytesBefore: report.bytesBefore,
      bytesAfter: report.bytesAfter,
    });
    expect(must(await t.call('sync.syncNow', { wait: true }, t.adminSession)).outcome?.ok).toBe(true);
    expect((await admin.request('GET', `/${DATABASE}/${id}`)).body.name).toBe('儿科三');
  });

  it('shows progress while a run is going: phase, documents done and remaining, rate', async () => {
    const store = t.app.context.data.store;
    const docs = Array.from({ length: 1500 }, (_, i) => makePatient(i, { clinic_code: CODE }));
    expect(store.bulkDocs(docs).every((r) => r.ok)).toBe(true);
    expect(must(await t.call('sync.status', {}, t.adminSession)).pendingChanges).toBe(1500);

    const started = must(await t.call('sync.syncNow', {}, t.adminSession));
    expect(started).toEqual({ joined: false, outcome: null });
    const seen: Array<NonNullable<Awaited<ReturnType<typeof readStatus>>['progress']>> = [];
    let status = await readStatus();
    while (status.running) {
      if (status.progress) seen.push(status.progress);
      await new Promise((resolve) => setTimeout(resolve, 20));
      status = await readStatus();
    }
    expect(status).toMatchObject({ state: 'idle', pendingChanges: 0 });
    const pushing = seen.filter((p) => p.phase === 'push' && p.docsDone > 0);
    expect(pushing.length).toBeGreaterThan(0);
    expect(pushing.some((p) => p.remaining !== null && p.remaining < 1500 && p.docsPerSecond > 0)).toBe(true);
    // "Sync now" during a run joins it.
    const first = must(await t.call('sync.syncNow', {}, t.adminSession));
    const second = must(await t.call('sync.syncNow', { wait: true }, t.adminSession));
    expect(first.joined).toBe(false);
    expect(second.joined).toBe(true);
  });

  it('lets only sync.run holders change settings, and any user read the status', async () => {
    must(
      await t.call(
        'admin.createUser',
        { username: 'reg1', displayName: '挂号一', roles: ['registrar'], departmentCodes: [], password: 'Reg12026ok' },
        t.adminSession,
      ),
    );
    const login = must(await t.call('auth.login', { username: 'reg1', password: 'Reg12026ok' }));
    expect((await t.call('sync.status', {}, login.sessionToken)).ok).toBe(true);
    const denied = await t.call('sync.saveSettings', settings(), login.sessionToken);
    expect(denied.ok || denied.error.code).toBe('FORBIDDEN');
    const conflicts = await t.call('sync.conflicts.list', {}, login.sessionToken);
    expect(conflicts.ok || conflicts.error.code).toBe('FORBIDDEN');
  });
});
