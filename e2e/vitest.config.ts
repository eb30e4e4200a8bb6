import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));

// End-to-end tests: Debian's Chromium, driven by playwright-core, against browser mode
// (electron/cli/serve.ts) with a fresh data folder per test file. One file at a time: each starts
// its own server and browser, and the machines these run on are small.
export default defineConfig({
  root: repoRoot,
  test: {
    include: ['e2e/**/*.e2e.ts'],
    environment: 'node',
    pool: 'forks',
    fileParallelism: false,
    sequence: { concurrent: false },
    globalSetup: ['e2e/support/build-renderer.ts'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    teardownTimeout: 30_000,
    // expect.poll waits for the page; a second (the default) is short on a busy machine.
    expect: { poll: { timeout: 10_000, interval: 100 } },
  },
});
