import { asc, count, eq } from 'drizzle-orm';
import type { ClinicOrm } from '../orm';
import { users } from '../schema';

export type UserRow = typeof users.$inferSelect;

/** The account with this login name, or undefined (should replication bring two, always the same one). */
export function findUserByUsername(db: ClinicOrm, username: string): UserRow | undefined {
  return db.select().from(users).where(eq(users.username, username)).orderBy(asc(users.id)).limit(1).get();
}

export function listUsers(db: ClinicOrm, options: { activeOnly?: boolean } = {}): UserRow[] {
  const query = db.select().from(users);
  return (options.activeOnly ? query.where(eq(users.active, true)) : query).orderBy(asc(users.username)).all();
}

export function countUsers(db: ClinicOrm): number {
  return db.select({ n: count() }).from(users).get()?.n ?? 0;
}
