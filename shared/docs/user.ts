import { z } from 'zod';
import { documentBase } from './base';
import { USER_ID } from './ids';
import { roleName } from '../permissions';

export const username = z.string().regex(/^[a-z][a-z0-9_.-]{1,31}$/, '登录名以小写字母开头，2–32 位字母、数字、点、下划线或连字符');

/** A staff account. Id: `user:<username>`. The password is stored only as an scrypt hash. */
export const userDoc = z.object({
  _id: z.string().regex(USER_ID),
  type: z.literal('user'),
  ...documentBase,
  username,
  display_name: z.string().trim().min(1).max(30),
  roles: z.array(roleName).min(1),
  department_codes: z.array(z.string()),
  /** `scrypt$N$r$p$<salt b64>$<hash b64>` */
  password_hash: z.string().regex(/^scrypt\$\d+\$\d+\$\d+\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/),
  active: z.boolean(),
});
export type UserDoc = z.infer<typeof userDoc>;

export const userId = (name: string): string => `user:${name}`;
