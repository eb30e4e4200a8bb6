import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const RENDERER_BUILD = path.join(REPO_ROOT, 'dist', 'renderer');
/** The browser-mode entry point; CLINIC_E2E_SERVE_SCRIPT points the tests at another one. */
export const SERVE_SCRIPT = process.env.CLINIC_E2E_SERVE_SCRIPT ?? path.join(REPO_ROOT, 'electron', 'cli', 'serve.ts');
export const SCREENSHOTS = path.join(REPO_ROOT, 'e2e', 'screenshots');
export const CHROMIUM = '/usr/bin/chromium';
