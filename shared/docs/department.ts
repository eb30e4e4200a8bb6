import { z } from 'zod';
import { documentBase } from './base';
import { DEPARTMENT_ID } from './ids';

export const departmentCode = z.string().regex(/^[A-Za-z0-9_-]{1,20}$/, '科室编码只能用字母、数字、下划线和连字符');

/** A clinical or administrative department (科室). Id: `department:<code>`. */
export const departmentDoc = z.object({
  _id: z.string().regex(DEPARTMENT_ID),
  type: z.literal('department'),
  ...documentBase,
  code: departmentCode,
  name: z.string().trim().min(1, '请填写科室名称').max(30, '科室名称不超过 30 个字'),
  /** Whether patients can be registered to it at the front desk. */
  outpatient: z.boolean(),
  active: z.boolean(),
});
export type DepartmentDoc = z.infer<typeof departmentDoc>;

export const departmentId = (code: string): string => `department:${code}`;
