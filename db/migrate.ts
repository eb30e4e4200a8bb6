import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import type { ClinicOrm } from './orm';

/**
 * The folder of generated migrations: db/migrations next to this module when running from source
 * (tsx, vitest); in a CommonJS bundle (dist/electron/main.cjs), where `import.meta.url` is empty, a
 * `migrations` folder next to the bundle, which the build must copy there.
 */
export function defaultMigrationsFolder(): string {
  const here = import.meta.url as string | undefined;
  if (here) return fileURLToPath(new URL('./migrations', here));
  if (typeof __dirname === 'string') return path.join(__dirname, 'migrations');
  throw new Error('cannot locate db/migrations: pass migrationsFolder');
}

/** Applies every migration not yet applied (drizzle records them in `__drizzle_migrations`). */
export function applyMigrations(orm: ClinicOrm, migrationsFolder: string = defaultMigrationsFolder()): void {
  migrate(orm, { migrationsFolder });
}
