import { z } from 'zod';
import { isTimeZone } from '../time/clinic-time';
import { clinicCode } from '../docs/base';
import { departmentCode } from '../docs/department';
import { username } from '../docs/user';
import { method } from './define';

export const passwordRule = z
  .string()
  .min(8, '密码至少 8 位')
  .max(64, '密码不超过 64 位')
  .regex(/[A-Za-z]/, '密码要同时含有字母和数字')
  .regex(/\d/, '密码要同时含有字母和数字');

export const workstationId = z.string().regex(/^[A-Z0-9]{1,8}$/, '工作站编号用 1–8 位大写字母或数字，例如 W01');

export const setupInput = z.object({
  clinic: z.object({
    name: z.string().trim().min(2, '机构名称至少 2 个字').max(60, '机构名称不超过 60 个字'),
    code: clinicCode,
    divisionCode: z
      .string()
      .regex(/^\d{6}(\d{3})?$/, '请从列表里选择所在地区')
      .optional(),
    /** The clinic's clock (IANA zone); left out: Asia/Shanghai (shared/time/clinic-time.ts). */
    timeZone: z.string().refine(isTimeZone, '请从列表里选择时区').optional(),
  }),
  departments: z
    .array(
      z.object({
        code: departmentCode,
        name: z.string().trim().min(1, '请填写科室名称').max(30, '科室名称不超过 30 个字'),
        outpatient: z.boolean(),
      }),
    )
    .min(1, '至少要有一个科室')
    .max(60)
    .refine((list) => new Set(list.map((d) => d.code)).size === list.length, '科室编码不能重复'),
  admin: z.object({
    username,
    displayName: z.string().trim().min(1, '请填写姓名').max(30),
    password: passwordRule,
  }),
  workstationId,
  /** County-wide key for patient ids; generated when absent (the first clinic of a county). */
  patientIdKey: z
    .string()
    .regex(/^(?:[0-9a-f]{2}){16,64}$/, '县级平台密钥应为 32–128 位（偶数位）十六进制字符')
    .optional(),
});

/** Restoring a replacement PC from the county: where the clinic's database is and how to reach it. */
export const restoreInput = z.object({
  serverUrl: z
    .string()
    .trim()
    .url('请填写县级服务器地址，例如 https://county.example.cn:6984')
    .refine((url) => /^https?:\/\//i.test(url), '地址应以 http:// 或 https:// 开头'),
  clinicCode,
  /** Default: `clinic_<code>`, the account county setup creates. */
  username: z.string().trim().min(1).max(64).optional(),
  password: z.string().min(1, '请填写同步密码').max(200),
  workstationId,
});

export const restoreStatus = z.object({
  state: z.enum(['idle', 'running', 'done', 'failed']),
  phase: z.enum(['download', 'rebuild']).nullable(),
  /** Documents received so far. */
  docsDone: z.number().int().nonnegative(),
  docsPerSecond: z.number().nonnegative(),
  rebuildDone: z.number().int().nonnegative(),
  rebuildTotal: z.number().int().nonnegative(),
  /** What went wrong, in plain Chinese, and whether trying again may help. */
  error: z.object({ code: z.string(), message: z.string(), retryable: z.boolean() }).nullable(),
  clinicName: z.string().nullable(),
});

export const setupContract = {
  'setup.status': method({
    input: z.object({}).strict(),
    /** timeZone: the zone every time on screen is said in (the clinic's, Asia/Shanghai before setup). */
    output: z.object({ initialized: z.boolean(), clinicName: z.string().nullable(), timeZone: z.string(), dataDir: z.string() }),
    permission: 'public',
    requiresSetup: false,
    audit: 'none',
    summary: '是否已完成初始设置',
  }),
  'setup.initialize': method({
    input: setupInput.strict(),
    output: z.object({ clinicCode: z.string(), patientIdKey: z.string() }),
    permission: 'public',
    requiresSetup: false,
    audit: 'write',
    summary: '首次设置：机构、科室、管理员',
  }),
  'setup.restoreFromCounty': method({
    input: restoreInput.strict(),
    output: restoreStatus,
    permission: 'public',
    requiresSetup: false,
    audit: 'write',
    summary: '新电脑：从县级服务器恢复本院全部数据',
  }),
  'setup.restoreStatus': method({
    input: z.object({}).strict(),
    output: restoreStatus,
    permission: 'public',
    requiresSetup: false,
    audit: 'none',
    summary: '恢复进度',
  }),
} as const;
