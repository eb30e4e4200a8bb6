/**
 * Apache CouchDB 3 for the sync tests, one instance per test file.
 *
 * Where it comes from, in this order:
 * 1. `CLINIC_TEST_COUCHDB_URL=http://admin:password@127.0.0.1:5984`: an installed CouchDB 3 (a
 *    throw-away one: every database on it except CouchDB's own is deleted when a test file starts,
 *    so run the files one after another: `npx vitest run --no-file-parallelism electron/sync`);
 * 2. otherwise the bundled build, `start-couchdb.sh` in `CLINIC_TEST_COUCHDB_DIR` or, by default,
 *    `../shared/couchdb/` beside the repository: started on a free loopback port with its data in
 *    a temporary folder, stopped (and the folder removed) by `stop()`.
 *
 * Nothing is skipped when neither is there: starting fails with a message saying how to provide it.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { closedLoopbackPort } from './ports';
import { REPO_ROOT } from './spawn-ts';
import type { CountyPeer } from './peers';

export const COUCHDB_MISSING =
  'The sync tests need Apache CouchDB 3 and found none. Either put the bundled build beside the repository ' +
  '(../shared/couchdb/start-couchdb.sh, or set CLINIC_TEST_COUCHDB_DIR to the folder holding start-couchdb.sh), ' +
  'or point the tests at an installed, throw-away CouchDB 3: CLINIC_TEST_COUCHDB_URL=http://admin:password@127.0.0.1:5984 ' +
  '(see the README, "Sync tests against CouchDB").';

const SYSTEM_DATABASES = new Set(['_users', '_replicator', '_global_changes']);

export function bundledCouchDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.CLINIC_TEST_COUCHDB_DIR ?? path.resolve(REPO_ROOT, '..', 'shared', 'couchdb');
}

/** A bundled CouchDB that can also be killed (SIGKILL) and started again on its port and data. */
export interface RestartableCouchDB extends CountyPeer {
  kill(): Promise<void>;
  restart(): Promise<void>;
}

export async function startCouchDB(env: NodeJS.ProcessEnv = process.env): Promise<CountyPeer> {
  const external = env.CLINIC_TEST_COUCHDB_URL;
  if (external) return useInstalledCouchDB(external);
  const script = path.join(bundledCouchDir(env), 'start-couchdb.sh');
  if (!fs.existsSync(script)) throw new Error(`${COUCHDB_MISSING} (looked for ${script})`);
  // The script needs a fixed port; a port the kernel just handed out is free unless another
  // process takes it in the next moment, so one more try covers that race.
  try {
    return await startBundled(script);
  } catch (first) {
    try {
      return await startBundled(script);
    } catch {
      throw first;
    }
  }
}

/** The bundled build only (tests that kill and restart the server need its process and data folder). */
export async function startRestartableCouchDB(env: NodeJS.ProcessEnv = process.env): Promise<RestartableCouchDB> {
  const script = path.join(bundledCouchDir(env), 'start-couchdb.sh');
  if (!fs.existsSync(script)) throw new Error(`${COUCHDB_MISSING} (looked for ${script})`);
  return startBundled(script);
}

async function startBundled(script: string): Promise<RestartableCouchDB> {
  const port = await closedLoopbackPort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'clinic-couchdb-'));
  const admin = { user: 'county_admin', password: `pw-${process.pid}-${Date.now()}` };
  const launch = async (): Promise<number> => {
    const stdout = await new Promise<string>((resolve, reject) => {
      execFile('bash', [script, dataDir, String(port), admin.user, admin.password], { timeout: 90_000 }, (error, out, err) => {
        if (error) reject(new Error(`${COUCHDB_MISSING}\nstart-couchdb.sh failed: ${error.message}\n${err}`));
        else resolve(out);
      });
    });
    const ready = JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as { ready?: boolean; pid?: number };
    if (ready.ready !== true || typeof ready.pid !== 'number') throw new Error(`start-couchdb.sh said: ${stdout}`);
    await systemDatabasesReady(`http://127.0.0.1:${port}`, admin);
    return ready.pid;
  };
  let pid = await launch();
  return {
    kind: 'couchdb',
    url: `http://127.0.0.1:${port}`,
    port,
    admin,
    async stop() {
      await stopProcess(pid);
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
    async kill() {
      await stopProcess(pid, 'SIGKILL');
    },
    async restart() {
      pid = await launch();
    },
  };
}

/** `/_up` answers before a single node has created `_users` and `_replicator`; wait for them. */
async function systemDatabasesReady(base: string, admin: { user: string; password: string }): Promise<void> {
  const authorization = `Basic ${Buffer.from(`${admin.user}:${admin.password}`).toString('base64')}`;
  for (let i = 0; i < 200; i++) {
    const statuses = await Promise.all(['_users', '_replicator'].map(async (db) => (await fetch(`${base}/${db}`, { headers: { authorization } })).status));
    if (statuses.every((s) => s === 200)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`CouchDB at ${base} started but never created _users and _replicator`);
}

/** SIGTERM, then wait for the process to go (it is not our child: start-couchdb.sh detached it). */
async function stopProcess(pid: number, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  const alive = (): boolean => {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  if (!alive()) return;
  process.kill(pid, signal);
  for (let i = 0; i < 100 && alive(); i++) await new Promise((r) => setTimeout(r, 100));
  if (alive()) process.kill(pid, 'SIGKILL');
}

async function useInstalledCouchDB(raw: string): Promise<CountyPeer> {
  const url = new URL(raw);
  const admin = { user: decodeURIComponent(url.username), password: decodeURIComponent(url.password) };
  if (!admin.user) throw new Error('CLINIC_TEST_COUCHDB_URL must carry the server admin: http://admin:password@host:5984');
  url.username = '';
  url.password = '';
  const base = url.toString().replace(/\/+$/, '');
  const authorization = `Basic ${Buffer.from(`${admin.user}:${admin.password}`).toString('base64')}`;
  const call = async (method: string, pathname: string): Promise<Response> => {
    try {
      return await fetch(`${base}${pathname}`, { method, headers: { authorization } });
    } catch (error) {
      throw new Error(`${COUCHDB_MISSING}\n${base} did not answer: ${String(error)}`);
    }
  };
  const all = await call('GET', '/_all_dbs');
  if (!all.ok) throw new Error(`${COUCHDB_MISSING}\n${base}/_all_dbs answered ${all.status}`);
  for (const db of (await all.json()) as string[]) if (!SYSTEM_DATABASES.has(db)) await call('DELETE', `/${encodeURIComponent(db)}`);
  return { kind: 'couchdb', url: base, port: Number(url.port || (url.protocol === 'https:' ? 443 : 80)), admin, stop: async () => {} };
}
