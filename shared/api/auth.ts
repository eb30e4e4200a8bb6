import { z } from 'zod';
import { roleName } from '../permissions';
import { method } from './define';

export const sessionUser = z.object({
  username: z.string(),
  displayName: z.string(),
  roles: z.array(roleName),
  departmentCodes: z.array(z.string()),
});
export type SessionUser = z.infer<typeof sessionUser>;

export const authContract = {
  'auth.login': method({
    input: z.object({ username: z.string().trim().min(1, '请输入登录名').max(32), password: z.string().min(1, '请输入密码').max(128) }).strict(),
    output: z.object({ sessionToken: z.string(), user: sessionUser }),
    permission: 'public',
    requiresSetup: true,
    // Security events: every login, refused ones included, is on the chain (GB/T 22239 audit of logins).
    audit: 'write',
    summary: '登录',
  }),
  'auth.logout': method({
    input: z.object({}).strict(),
    output: z.object({ loggedOut: z.literal(true) }),
    permission: 'session',
    requiresSetup: true,
    audit: 'write',
    summary: '退出登录',
  }),
  'auth.currentUser': method({
    input: z.object({}).strict(),
    output: sessionUser,
    permission: 'session',
    requiresSetup: true,
    audit: 'none',
    summary: '当前登录用户',
  }),
} as const;
