import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');
const work = mkdtempSync(path.join(os.tmpdir(), 'clinic-bundle-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the CommonJS bundle the installer ships', () => {
  it('builds main and a sandbox-safe preload that requires nothing but electron', () => {
    execFileSync(process.execPath, [path.join(root, 'build', 'build-electron.mjs')], { cwd: root, stdio: 'pipe' });
    const preload = readFileSync(path.join(root, 'dist', 'electron', 'preload.cjs'), 'utf8');
    expect([...preload.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1])).toEqual(['electron']);
    expect(preload).toContain('exposeInMainWorld("clinic"');
  });

  it('finds its migrations and code sets next to itself', async () => {
    const { dependencies } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    const outfile = path.join(root, 'dist', 'electron', 'bundle-probe.cjs');
    await build({
      entryPoints: [path.join(root, 'build', 'fixtures', 'bundle-probe.ts')],
      outfile,
      bundle: true,
      platform: 'node',
      format: 'cjs',
      logLevel: 'silent',
      external: Object.keys(dependencies),
    });
    const out = execFileSync(process.execPath, [outfile, work], { cwd: os.tmpdir(), encoding: 'utf8' });
    const probe = JSON.parse(out) as { tables: number; ethnicities: number };
    expect(probe.tables).toBeGreaterThan(10);
    expect(probe.ethnicities).toBe(56);
    rmSync(outfile);
  });
});
