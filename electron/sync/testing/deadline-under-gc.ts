/**
 * For remote-fetch.test.ts, run as `node --import tsx deadline-under-gc.ts URL MS`:
 * one request through the remote fetch (with a caller's signal, as PouchDB passes one) to a server
 * that never finishes its reply, while garbage collection is forced every few milliseconds.
 * Prints `{"ready":true,"endedAfterMs":N,"error":"…"}` when the request ends.
 */
import v8 from 'node:v8';
import vm from 'node:vm';
import { createRemoteFetch } from '../remote-fetch';

// The same as --expose-gc, which NODE_OPTIONS does not take on Node 20.
v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;
const [url, ms] = process.argv.slice(2);
if (!url || !ms) throw new Error('usage: node --import tsx deadline-under-gc.ts URL MS');
const collector = setInterval(gc, 5);
const caller = new AbortController();
const started = Date.now();
const fetch = createRemoteFetch({ timeoutMs: Number(ms) });
try {
  await fetch(url, { method: 'GET', signal: caller.signal });
  process.stdout.write(`${JSON.stringify({ ready: true, endedAfterMs: Date.now() - started, error: null })}\n`);
} catch (error) {
  const e = error as { name?: string; type?: string };
  process.stdout.write(`${JSON.stringify({ ready: true, endedAfterMs: Date.now() - started, error: `${e.name} ${e.type ?? ''}`.trim() })}\n`);
}
clearInterval(collector);
