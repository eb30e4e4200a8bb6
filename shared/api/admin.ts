import { z } from 'zod';
import { departmentCode } from '../docs/department';
import { username } from '../docs/user';
import { roleName } from '../permissions';
import { method } from './define';
import { passwordRule } from './setup';

export const departmentView = z.object({ code: z.string(), name: z.string(), outpatient: z.boolean(), active: z.boolean() });
export const userView = z.object({
  username: z.string(),
  displayName: z.string(),
  roles: z.array(roleName),
  departmentCodes: z.array(z.string()),
  active: z.boolean(),
});

/** A document kept but not shown because a newer program wrote it (see shared/docs/registry.ts). */
export const awaitingUpgradeView = z.object({
  id: z.string(),
  type: z.string(),
  /** The type's Chinese label, or its name when this program does not declare it. */
  label: z.string(),
  version: z.number().int().positive(),
  /** The newest version of the type this program knows. */
  knownVersion: z.number().int().nonnegative(),
});

export const adminContract = {
  'admin.listDepartments': method({
    input: z.object({ outpatientOnly: z.boolean().optional() }).strict(),
    output: z.array(departmentView),
    permission: 'session',
    requiresSetup: true,
    audit: 'none',
    summary: '科室列表',
  }),
  'admin.createDepartment': method({
    input: z.object({ code: departmentCode, name: z.string().trim().min(1, '请填写科室名称').max(30), outpatient: z.boolean() }).strict(),
    output: departmentView,
    permission: 'admin.manage',
    requiresSetup: true,
    audit: 'write',
    summary: '新增科室',
  }),
  'admin.listUsers': method({
    input: z.object({}).strict(),
    output: z.array(userView),
    permission: 'admin.manage',
    requiresSetup: true,
    audit: 'none',
    summary: '用户列表',
  }),
  'admin.createUser': method({
    input: z
      .object({
        username,
        displayName: z.string().trim().min(1, '请填写姓名').max(30),
        roles: z.array(roleName).min(1, '至少选择一个角色'),
        departmentCodes: z.array(departmentCode),
        password: passwordRule,
      })
      .strict(),
    output: userView,
    permission: 'admin.manage',
    requiresSetup: true,
    audit: 'write',
    summary: '新增用户',
  }),
  'admin.updateDepartment': method({
    input: z
      .object({
        code: departmentCode,
        name: z.string().trim().min(1, '请填写科室名称').max(30).optional(),
        outpatient: z.boolean().optional(),
        active: z.boolean().optional(),
      })
      .strict(),
    output: departmentView,
    permission: 'admin.manage',
    requiresSetup: true,
    audit: 'write',
    summary: '修改或停用科室',
  }),
  'admin.updateUser': method({
    input: z
      .object({
        username,
        displayName: z.string().trim().min(1, '请填写姓名').max(30).optional(),
        roles: z.array(roleName).min(1, '至少选择一个角色').optional(),
        departmentCodes: z.array(departmentCode).optional(),
        active: z.boolean().optional(),
      })
      .strict(),
    output: userView,
    permission: 'admin.manage',
    requiresSetup: true,
    audit: 'write',
    summary: '修改或停用用户',
  }),
  'admin.resetPassword': method({
    input: z.object({ username, password: passwordRule }).strict(),
    output: userView,
    permission: 'admin.manage',
    requiresSetup: true,
    audit: 'write',
    summary: '重设用户密码',
  }),
  'admin.listAwaitingUpgrade': method({
    input: z.object({}).strict(),
    output: z.array(awaitingUpgradeView),
    permission: 'admin.manage',
    requiresSetup: true,
    audit: 'none',
    summary: '列出等待程序升级才能显示的记录',
  }),
} as const;
