import { fileURLToPath } from 'node:url';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import type { ClinicOrm } from './orm';

/**
 * The folder of generated migrations (db/migrations). A bundled build must ship that folder and
 * pass its path, since a bundle has no `import.meta.url` pointing here.
 */
export function defaultMigrationsFolder(): string {
  const here = import.meta.url as string | undefined;
  if (!here) throw new Error('migrationsFolder must be given when db/ is bundled');
  return fileURLToPath(new URL('./migrations', here));
}

/** Applies every migration not yet applied (drizzle records them in `__drizzle_migrations`). */
export function applyMigrations(orm: ClinicOrm, migrationsFolder: string = defaultMigrationsFolder()): void {
  migrate(orm, { migrationsFolder });
}
