import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openClinicDatabase } from '../../db/open';
import type { AuditEventDoc } from '../../shared/docs';
import { createClinicApp, DATABASE_FILE } from '../app/clinic-app';
import { TEST_SETUP } from '../app/testing';
import { verifyAuditChain } from '../services/audit-trail';

// "Killing the process between a handler's write and its audit, in a loop, never leaves one without
// the other." A child adds departments through the router; it is SIGKILLed either while it stands
// inside the append of a department's audit event (deterministic: on a router that committed the
// write before appending the event, this is the moment that loses the event), or at a random
// moment of its write loop. After each kill the database is reopened and checked.

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const child = fileURLToPath(new URL('./testing/audit-crash-child.ts', import.meta.url));
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'clinic-audit-crash-'));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

beforeAll(async () => {
  const app = await createClinicApp({ dataDir, version: 'test', log: () => {}, environment: {} });
  const setup = await app.router.invoke({ method: 'setup.initialize', input: TEST_SETUP });
  app.close();
  if (!setup.ok) throw new Error(setup.error.message);
});

/** mulberry32: the same kill moments on every run. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Run {
  readonly label: string;
  readonly wrote: string[];
  readonly paused: boolean;
  readonly signal: NodeJS.Signals | null;
}

/** Runs the child; kills it when it says "paused", or `killAfterMs` after it says "ready". */
function runAndKill(label: string, plan: { pauseAt: number } | { killAfterMs: number }): Promise<Run> {
  return new Promise((resolve, reject) => {
    const pauseAt = 'pauseAt' in plan ? plan.pauseAt : 0;
    const proc = spawn(process.execPath, ['--import', 'tsx', child, dataDir, label, String(pauseAt)], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    const wrote: string[] = [];
    let paused = false;
    let stderr = '';
    let pending = '';
    proc.stderr.on('data', (chunk) => (stderr += chunk));
    proc.stdout.setEncoding('utf8');
    proc.stdout.on('data', (chunk: string) => {
      pending += chunk;
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        if (line.startsWith('wrote ')) wrote.push(line.slice(6));
        else if (line === 'paused') {
          paused = true;
          proc.kill('SIGKILL');
        } else if (line === 'ready' && 'killAfterMs' in plan) setTimeout(() => proc.kill('SIGKILL'), plan.killAfterMs);
      }
    });
    proc.on('error', reject);
    proc.on('exit', (code, signal) => {
      if (signal === null && code !== 0) reject(new Error(`child failed (${code}): ${stderr}`));
      else resolve({ label, wrote, paused, signal });
    });
  });
}

function inspect() {
  const db = openClinicDatabase(path.join(dataDir, DATABASE_FILE), { slowQueryLog: false });
  try {
    expect(db.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    const docs = db.store.changes({ includeDocs: true }).results.flatMap((row) => (row.doc ? [row.doc] : []));
    const departments = new Set(docs.filter((d) => d.type === 'department' && typeof d.code === 'string' && d.code.startsWith('k')).map((d) => d._id));
    const events = docs.filter((d) => d.type === 'audit') as unknown as AuditEventDoc[];
    const audited = new Set(events.filter((e) => e.action === 'admin.createDepartment' && e.outcome === 'ok').flatMap((e) => e.target_ids));
    return { departments, audited, events };
  } finally {
    db.close();
  }
}

describe('a clinic killed between a write and its audit event', () => {
  it('never keeps a department without its audit event, nor an event without its department', async () => {
    const random = seeded(20261203);
    const runs: Run[] = [];
    // 12 runs of about 3 s each (the child's start-up dominates): 6 deterministic, 6 at random moments.
    for (let i = 0; i < 12; i += 1) {
      const plan = i % 2 === 0 ? { pauseAt: 1 + Math.floor(random() * 5) } : { killAfterMs: Math.floor(random() * 150) };
      const run = await runAndKill(`k${String(i).padStart(2, '0')}`, plan);
      runs.push(run);

      const { departments, audited, events } = inspect();
      const unaudited = [...departments].filter((id) => !audited.has(id));
      const orphanEvents = [...audited].filter((id) => !departments.has(id));
      expect({ run: run.label, unaudited, orphanEvents }).toEqual({ run: run.label, unaudited: [], orphanEvents: [] });
      expect(verifyAuditChain(events)).toBeNull();
      // What the child reported as done survived the kill.
      for (const done of runs) for (const code of done.wrote) expect(departments.has(`department:${code}`), code).toBe(true);
    }
    expect(runs.every((r) => r.signal === 'SIGKILL')).toBe(true);
    expect(runs.filter((r) => r.paused)).toHaveLength(6);
  }, 240_000);
});
