import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import type { Role } from '../../shared/permissions';

/** Projection of `user` documents (staff accounts). */
export const users = sqliteTable(
  'users',
  {
    id: text('id').primaryKey(),
    clinicCode: text('clinic_code').notNull(),
    username: text('username').notNull(),
    displayName: text('display_name').notNull(),
    roles: text('roles', { mode: 'json' }).notNull().$type<Role[]>(),
    departmentCodes: text('department_codes', { mode: 'json' }).notNull().$type<string[]>(),
    passwordHash: text('password_hash').notNull(),
    active: integer('active', { mode: 'boolean' }).notNull(),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  // Not unique: two replicated documents could claim one username; the service decides, the
  // projection must not refuse the row.
  (t) => [index('users_username_idx').on(t.username)],
);
