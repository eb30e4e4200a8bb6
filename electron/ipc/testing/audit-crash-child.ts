/**
 * Child process of electron/ipc/audit-crash.test.ts: opens the clinic in <dataDir>, logs in as the
 * administrator, says "ready", then adds departments through the router one call after another,
 * saying "wrote <code>" after each. With <pauseAt> > 0 it stops inside the <pauseAt>-th append of
 * a department's audit event, says "paused" and waits to be killed: on a router that committed
 * the write first and the event after, that is exactly between the two.
 *   node --import tsx electron/ipc/testing/audit-crash-child.ts <dataDir> <label> <pauseAt>
 */
import { writeSync } from 'node:fs';
import { createClinicApp } from '../../app/clinic-app';
import { TEST_ADMIN } from '../../app/testing';

const [dataDir, label, pauseAtArg] = process.argv.slice(2);
if (!dataDir || !label || pauseAtArg === undefined) throw new Error('usage: audit-crash-child.ts <dataDir> <label> <pauseAt>');
const pauseAt = Number(pauseAtArg);
// Synchronous, so the parent hears it even when the process then blocks.
const say = (line: string) => writeSync(1, `${line}\n`);

const app = await createClinicApp({ dataDir, version: 'test', log: () => {}, environment: {} });
const { audit } = app.context;
const append = audit.append.bind(audit);
let appends = 0;
audit.append = (record) => {
  if (record.action === 'admin.createDepartment' && ++appends === pauseAt) {
    say('paused');
    // Blocks the one thread, inside whatever transaction is open, until the parent's SIGKILL.
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 30_000);
    throw new Error('not killed while paused');
  }
  return append(record);
};

const login = await app.router.invoke({ method: 'auth.login', input: { username: TEST_ADMIN.username, password: TEST_ADMIN.password } });
if (!login.ok) throw new Error(`login failed: ${login.error.message}`);
const session = (login.value as { sessionToken: string }).sessionToken;
say('ready');
for (let i = 1; i <= 400; i += 1) {
  const code = `${label}-${i}`;
  const result = await app.router.invoke({ method: 'admin.createDepartment', input: { code, name: '测试科', outpatient: true }, session });
  if (!result.ok) throw new Error(`${code}: ${result.error.code} ${result.error.message}`);
  say(`wrote ${code}`);
}
say('done');
app.close();
