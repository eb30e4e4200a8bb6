import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { REPO_ROOT } from './paths';

/**
 * Builds the renderer once before the end-to-end files run, so they never test a stale
 * dist/renderer. Run as its own process, as `npm run build:renderer` does: inside vitest
 * NODE_ENV is "test", which would give a development build of React.
 */
export default function buildRenderer(): void {
  const { NODE_ENV: _ignored, ...env } = process.env;
  execFileSync(path.join(REPO_ROOT, 'node_modules', '.bin', 'vite'), ['build', '--config', 'renderer/vite.config.ts', '--logLevel', 'warn'], {
    cwd: REPO_ROOT,
    env,
    stdio: 'inherit',
  });
}
