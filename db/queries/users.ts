import { asc, count, eq } from 'drizzle-orm';
import type { Role } from '../../shared/permissions';
import type { ClinicOrm } from '../orm';
import { users } from '../schema';

/** An account as stored, password hash included: for signing in only. */
export type UserAccountRow = typeof users.$inferSelect;

/** An account as lists show it: never the password hash. */
export interface UserRow {
  readonly username: string;
  readonly displayName: string;
  readonly roles: Role[];
  readonly departmentCodes: string[];
  readonly active: boolean;
}

const LISTED = { username: users.username, displayName: users.displayName, roles: users.roles, departmentCodes: users.departmentCodes, active: users.active };

export function userQueries(db: ClinicOrm) {
  return {
    /** The account with this login name, or undefined (should replication bring two, always the same one). */
    byUsername(username: string): UserAccountRow | undefined {
      return db.select().from(users).where(eq(users.username, username)).orderBy(asc(users.id)).limit(1).get();
    },

    list(options: { activeOnly?: boolean } = {}): UserRow[] {
      const query = db.select(LISTED).from(users);
      return (options.activeOnly ? query.where(eq(users.active, true)) : query).orderBy(asc(users.username)).all();
    },

    count(): number {
      return db.select({ n: count() }).from(users).get()?.n ?? 0;
    },
  };
}
