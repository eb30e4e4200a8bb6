import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { openClinicDatabase } from '../open';
import { dumpProjections, rebuildProjectionsSync } from '../projections/rebuild';
import { temporaryDirectory } from '../testing/fixtures';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const writer = fileURLToPath(new URL('../testing/crash-writer.ts', import.meta.url));
const dir = temporaryDirectory('clinic-crash-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

interface Outcome {
  readonly label: string;
  readonly said: string[];
  readonly signal: NodeJS.Signals | null;
}

/** Starts the writer, and SIGKILLs it `delayMs` after it says it starts writing. */
function writeAndKill(file: string, label: string, delayMs: number): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', writer, file, label], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    const said: string[] = [];
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      for (const line of chunk.split('\n').filter(Boolean)) {
        said.push(line);
        if (line === 'writing') setTimeout(() => child.kill('SIGKILL'), delayMs);
      }
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (signal === null && code !== 0) reject(new Error(`writer failed (${code}): ${stderr}`));
      else resolve({ label, said, signal });
    });
  });
}

describe('a writer killed in the middle of a 10,000-document batch', () => {
  it('leaves an intact file holding the whole batch or none of it', async () => {
    const file = path.join(dir, 'clinic.db');
    // Spread over the batch (which takes ~0.3–1 s here); the last ones usually let it finish.
    const delays = [0, 3, 15, 40, 90, 160, 250, 400, 600, 2000];
    const outcomes: Outcome[] = [];
    for (const [i, delay] of delays.entries()) {
      outcomes.push(await writeAndKill(file, `crash-${i}`, delay));

      const db = openClinicDatabase(file, { slowQueryLog: false });
      try {
        expect(db.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
        expect(db.sqlite.pragma('foreign_key_check')).toEqual([]);
        const perBatch = db.sqlite
          .prepare<[], { label: string; n: number }>("SELECT json_extract(body, '$.created_by') AS label, count(*) AS n FROM revisions GROUP BY label")
          .all();
        for (const { label, n } of perBatch) expect({ label, n }).toEqual({ label, n: 10_000 });
        const stored = new Set(perBatch.map((b) => b.label));
        for (const outcome of outcomes) if (outcome.said.includes('done')) expect(stored.has(outcome.label), outcome.label).toBe(true);
        const docs = db.store.info().docCount;
        expect(docs).toBe(perBatch.length * 10_000);
        expect(db.sqlite.prepare('SELECT count(*) FROM changes').pluck().get()).toBe(docs);

        const projected = dumpProjections(db);
        expect(projected.patients).toHaveLength(docs);
        rebuildProjectionsSync(db);
        expect(dumpProjections(db)).toEqual(projected);
      } finally {
        db.close();
      }
    }
    const interrupted = outcomes.filter((o) => o.signal === 'SIGKILL' && !o.said.includes('done'));
    expect(interrupted.length, JSON.stringify(outcomes)).toBeGreaterThan(0);
  }, 180_000);
});
