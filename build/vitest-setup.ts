/**
 * Property tests (fast-check) run from one fixed seed, so the suite is the same on every run and a
 * failure in CI can be replayed exactly. To explore new cases, run with another seed:
 * `FAST_CHECK_SEED=12345 npx vitest run`. A test that names its own seed keeps it.
 */
import fc from 'fast-check';

const seed = Number(process.env.FAST_CHECK_SEED ?? 20_261_122);
fc.configureGlobal({ seed: Number.isSafeInteger(seed) ? seed : 20_261_122 });
