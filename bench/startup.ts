/**
 * Start-up time to ready with an N-patient clinic (default 100,000, plus a year of visits):
 * in-process (open + migrate + build services and router) and as the user sees it (spawn browser
 * mode until it prints its address, then the first API answer).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadDivisions } from '../shared/codes';
import { createClinicApp } from '../electron/app/clinic-app';
import { fillDemoClinic } from '../electron/demo/fill';
import type { BenchContext } from './run';
import { nowMs, percentile } from './stats';

const ROOT = path.resolve(import.meta.dirname, '..');
const RUNS = 5;

export default async function run(ctx: BenchContext): Promise<void> {
  const patients = ctx.size ?? 100_000;
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'clinic-bench-startup-'));
  try {
    const divisions = loadDivisions(readFileSync(path.join(ROOT, 'shared', 'data', 'divisions_cn.csv'), 'utf8'));
    const filling = await createClinicApp({ dataDir, version: 'bench' });
    const summary = await fillDemoClinic(filling, { patients, daysBack: 365, seed: 'bench', clinicDivision: '130582102', divisions, progress: ctx.progress });
    filling.close();
    ctx.progress(`数据库：${summary.patients} 名患者，${summary.encounters} 人次就诊`);

    const inProcess: number[] = [];
    for (let i = 0; i < RUNS; i += 1) {
      const t0 = nowMs();
      const app = await createClinicApp({ dataDir, version: 'bench' });
      const status = await app.router.invoke({ method: 'setup.status', input: {} });
      inProcess.push(nowMs() - t0);
      if (!status.ok) throw new Error('setup.status failed');
      app.close();
    }
    const spawned: number[] = [];
    for (let i = 0; i < RUNS; i += 1) spawned.push(await timeBrowserMode(dataDir));

    ctx.emit('startup.in_process.p50_ms', percentile(inProcess, 50), 'ms');
    ctx.emit('startup.browser_mode_ready.p50_ms', percentile(spawned, 50), 'ms');
    ctx.emit('startup.browser_mode_ready.max_ms', Math.max(...spawned), 'ms');
    ctx.emit('startup.patients.count', summary.patients, 'patients');
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Spawn browser mode, wait for its address, answer one API call; milliseconds from spawn. */
async function timeBrowserMode(dataDir: string): Promise<number> {
  const t0 = nowMs();
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'electron', 'cli', 'serve.ts'), '--data-dir', dataDir], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString('utf8');
        const match = /http:\/\/127\.0\.0\.1:\d+\/#token=[0-9a-f]+/.exec(out);
        if (match) resolve(match[0]);
      });
      child.once('exit', (code) => reject(new Error(`browser mode exited (${code})`)));
    });
    const [base, token] = url.split('/#token=');
    const res = await fetch(`${base}/api/invoke`, {
      method: 'POST',
      headers: { 'x-clinic-token': token, 'content-type': 'application/json' },
      body: JSON.stringify({ method: 'setup.status', input: {} }),
    });
    const body = (await res.json()) as { ok: boolean };
    if (!body.ok) throw new Error('setup.status failed');
    return nowMs() - t0;
  } finally {
    child.kill('SIGTERM');
  }
}
