import { defineConfig } from 'vitest/config';

// Unit and integration tests: colocated `*.test.ts` files, run in plain Node on real SQLite files,
// real pseudo-terminals and a real CouchDB-protocol server process. End-to-end tests have their own
// config in e2e/.
export default defineConfig({
  test: {
    include: ['{db,shared,electron,renderer,build}/**/*.test.{ts,tsx}'],
    exclude: ['node_modules/**', 'dist/**', 'e2e/**'],
    environment: 'node',
    pool: 'forks',
    setupFiles: ['build/vitest-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
