/**
 * The "app" for the kill test: a separate process that opens the clinic's database file and runs
 * one sync, printing progress as JSON lines, so a test can SIGKILL it mid-sync and start it again.
 *
 *   node --import tsx sync-app.ts <database file>
 *   env: SYNC_SERVER_URL, SYNC_CLINIC_CODE, SYNC_PASSWORD, SYNC_BATCH_SIZE
 */
import { openClinicDatabase } from '../../../db/open';
import { SyncEngine } from '../engine';

function env(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is required`);
  return value;
}

const file = process.argv[2];
if (!file) throw new Error('usage: sync-app.ts <database file>');
const db = openClinicDatabase(file, { slowQueryLog: false });
const code = env('SYNC_CLINIC_CODE');
const engine = new SyncEngine({
  store: db.store,
  clinicCode: code,
  endpoint: { serverUrl: env('SYNC_SERVER_URL'), username: `clinic_${code}`, password: env('SYNC_PASSWORD') },
  referenceDatabase: null,
  batching: { batchSize: Number(process.env.SYNC_BATCH_SIZE ?? 20), batchesLimit: 1, requestTimeoutMs: 10_000 },
});
const print = (message: unknown): void => {
  process.stdout.write(`${JSON.stringify(message)}\n`);
};
engine.on('progress', (progress) => print({ progress }));
print({ ready: true, pending: engine.status().pendingChanges });
const outcome = await engine.run('nightly');
print({ done: outcome, pending: engine.status().pendingChanges });
db.close();
