import os from 'node:os';
import path from 'node:path';

/**
 * Where the clinic's data lives: `--data-dir <path>` (or `--data-dir=<path>`), else
 * `CLINIC_DATA_DIR`, else the platform default. Tests and demos always pass a throw-away folder.
 */
export function resolveDataDir(argv: ReadonlyArray<string>, env: NodeJS.ProcessEnv, fallback?: string): string {
  const fromFlag = flagValue(argv, '--data-dir');
  const chosen = fromFlag ?? env.CLINIC_DATA_DIR ?? fallback ?? path.join(os.homedir(), '.township-clinic');
  return path.resolve(chosen);
}

export function flagValue(argv: ReadonlyArray<string>, flag: string): string | undefined {
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === flag && i + 1 < argv.length) return argv[i + 1];
    if (arg.startsWith(`${flag}=`)) return arg.slice(flag.length + 1);
  }
  return undefined;
}
