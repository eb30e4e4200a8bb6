/**
 * Rough write-throughput figures for the document store (a measurement, not a test):
 *   node --import tsx db/scripts/measure-writes.ts [docs=100000] [batch=1000] [--random-ids]
 * Writes patient documents (projections included) in batches with new_edits:true, then the same
 * number replicated (new_edits:false) into a second file, and prints JSON. The fixtures' ids are
 * ULIDs, which sort in creation order; `--random-ids` gives `patient:h<hex>` ids (what patients
 * with an ID card get), whose random index inserts are the realistic, slower case.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { openClinicDatabase } from '../open';
import { makePatient, temporaryDirectory } from '../testing/fixtures';
import type { DocumentInput } from '../store/types';

const args = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));
const randomIds = process.argv.includes('--random-ids');
const total = Number(args[0] ?? 100_000);
const batch = Number(args[1] ?? 1000);
const patient = (i: number) => (randomIds ? makePatient(i, { _id: `patient:h${randomBytes(16).toString('hex')}` }) : makePatient(i));
const dir = temporaryDirectory('clinic-measure-');

function measure(name: string, newEdits: boolean, docsFor: (i: number) => DocumentInput) {
  const db = openClinicDatabase(path.join(dir, `${name}.db`), { slowQueryLog: false });
  const batches: DocumentInput[][] = [];
  for (let i = 0; i < total; i += batch) batches.push(Array.from({ length: Math.min(batch, total - i) }, (_, k) => docsFor(i + k)));
  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  for (const docs of batches) {
    const results = db.store.bulkDocs(docs, { newEdits });
    if (!results.every((r) => r.ok)) throw new Error(JSON.stringify(results.find((r) => !r.ok)));
  }
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuStarted);
  // CPU time of this process: steadier than wall time on a shared, busy machine.
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const info = db.store.info();
  db.close();
  return {
    name,
    docs: total,
    batch,
    randomIds,
    seconds: Number(seconds.toFixed(3)),
    docsPerSecond: Math.round(total / seconds),
    cpuSeconds: Number(cpuSeconds.toFixed(3)),
    docsPerCpuSecond: Math.round(total / cpuSeconds),
    fileMB: Number((info.fileSizeBytes / 1e6).toFixed(1)),
  };
}

const results = [
  measure('local-edits', true, (i) => patient(i)),
  measure('replicated', false, (i) => {
    const doc = patient(i);
    return { ...doc, _rev: `1-${(i + 1).toString(16).padStart(32, '0')}` };
  }),
];
console.log(JSON.stringify(results, null, 2));
fs.rmSync(dir, { recursive: true, force: true });
