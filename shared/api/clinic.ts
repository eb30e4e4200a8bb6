/**
 * Reference data the registration form needs: fee categories from the clinic settings, national code
 * sets (shared/data), the division tree for the address picker, and the doctors of a department.
 */
import { z } from 'zod';
import { departmentCode } from '../docs/department';
import { method } from './define';

const codeEntry = z.object({ code: z.string(), name: z.string() });

export const divisionView = z.object({
  code: z.string(),
  name: z.string(),
  /** 1 province, 2 prefecture, 3 county, 4 township (the finest level on file). */
  level: z.number().int().min(1).max(4),
  hasChildren: z.boolean(),
});

export const clinicContract = {
  'clinic.feeCategories': method({
    input: z.object({}).strict(),
    output: z.array(codeEntry),
    permission: 'session',
    requiresSetup: true,
    audit: 'none',
    summary: '费别（机构设置）',
  }),
  'clinic.codeSets': method({
    input: z.object({}).strict(),
    output: z.object({
      sexes: z.array(codeEntry),
      ethnicities: z.array(codeEntry),
      idTypes: z.array(codeEntry),
      relationships: z.array(codeEntry.extend({ parentCode: z.string().nullable() })),
      visitTypes: z.array(codeEntry),
      cardKinds: z.array(codeEntry),
      /** When a visit is 复诊, in the clinic's period: shown next to 初诊/复诊 in the visit form. */
      visitTypeRule: z.string(),
    }),
    permission: 'session',
    requiresSetup: true,
    audit: 'none',
    summary: '表单用的代码表（性别、民族、证件类型、关系…）',
  }),
  'clinic.divisions': method({
    input: z
      .object({
        /** '' for the provinces; otherwise a division code (2/4/6/9 digits, or 6-digit GB/T 2260). */
        parentCode: z.string().regex(/^(\d{2}|\d{4}|\d{6}|\d{9})?$/, '地区编码格式不对'),
      })
      .strict(),
    output: z.object({
      /** Names from the province down to the parent ([] for the country). */
      path: z.array(z.string()),
      children: z.array(divisionView),
      /** The clinic's own division code (the picker can start there), or null. */
      clinicDivisionCode: z.string().nullable(),
    }),
    permission: 'session',
    requiresSetup: true,
    audit: 'none',
    summary: '行政区划下级列表（地址选择）',
  }),
  'clinic.doctors': method({
    input: z.object({ departmentCode: departmentCode.optional() }).strict(),
    output: z.array(z.object({ username: z.string(), displayName: z.string(), departmentCodes: z.array(z.string()) })),
    permission: 'session',
    requiresSetup: true,
    audit: 'none',
    summary: '可挂号的医生（可按科室）',
  }),
} as const;
