/**
 * The ICD-10 and drug dictionaries: search while charting, resolution of stored codes, the
 * administrator's imports (preview, then apply), the drug list and doctors' antibiotic rights.
 */
import { z } from 'zod';
import { ANTIBIOTIC_GRADES, DOSE_UNIT_NAMES, FREQUENCY_CODES, ICD_CODE_SYSTEMS, PRESCRIBER_GRADES, ROUTE_CODES } from '../codes';
import { drugCode, username } from '../docs';
import { method } from './define';

const icdCodeSystem = z.enum(ICD_CODE_SYSTEMS);
const limit = z.number().int().min(1).max(50).optional();
/** 3 MB of file as base64 (4 characters per 3 bytes), under the 4 MB request cap. */
const fileContent = z
  .string()
  .min(1, '请选择文件')
  .max(4 * 1024 * 1024, '文件超过 3 MB，请只保留需要的列后另存为 CSV 再导入')
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, '文件内容没有按 base64 传来，请重新选择文件');
const fileName = z.string().trim().min(1).max(200);

export const icdHitView = z.object({
  code: z.string(),
  name: z.string(),
  codeSystem: icdCodeSystem,
  version: z.string(),
  matchedBy: z.enum(['code', 'code_prefix', 'initials', 'name']),
});

export const icdResolvedView = z.object({
  code: z.string(),
  name: z.string(),
  codeSystem: icdCodeSystem,
  version: z.string(),
  versionTitle: z.string(),
  retired: z.boolean(),
  settlementCode: z.string().nullable(),
});

export const icdVersionView = z.object({
  id: z.number().int(),
  codeSystem: z.string(),
  version: z.string(),
  title: z.string(),
  source: z.string(),
  importedAt: z.string(),
  importedBy: z.string(),
  codeCount: z.number().int(),
  current: z.boolean(),
});

const rejectedRowView = z.object({ line: z.number().int(), text: z.string(), reason: z.string() });

export const drugInput = z.object({
  code: drugCode,
  genericName: z.string().trim().min(1, '请填写通用名').max(60, '通用名不超过 60 个字'),
  form: z.string().trim().min(1, '请填写剂型').max(20),
  strengthValue: z.number().positive('规格必须大于 0').finite(),
  strengthUnit: z.enum(DOSE_UNIT_NAMES),
  unit: z.string().trim().min(1, '请填写最小单位').max(6),
  packageSize: z.number().int('包装数量必须是整数').positive('包装数量必须大于 0'),
  packageUnit: z.string().trim().min(1, '请填写包装单位').max(6),
  drugClass: z.string().trim().max(30).nullable(),
  defaultDose: z.number().positive('默认剂量必须大于 0').finite().nullable(),
  defaultDoseUnit: z.string().max(6).nullable(),
  defaultRoute: z.enum(ROUTE_CODES).nullable(),
  defaultFrequency: z.enum(FREQUENCY_CODES).nullable(),
  antibioticGrade: z.enum(ANTIBIOTIC_GRADES).nullable(),
  essential: z.boolean(),
});

export const drugView = drugInput.extend({ initials: z.string(), active: z.boolean() });

const progressView = z.object({ phase: z.enum(['idle', 'reading', 'checking', 'saving', 'done']), done: z.number().int(), total: z.number().int() });

export const dictionaryContract = {
  'dictionary.searchIcd': method({
    input: z.object({ query: z.string().max(60), codeSystem: icdCodeSystem.optional(), limit }).strict(),
    output: z.array(icdHitView),
    permission: 'session',
    requiresSetup: true,
    audit: 'none',
    summary: '查找 ICD-10 诊断（编码、名称、拼音首字母）',
  }),
  'dictionary.getIcd': method({
    input: z.object({ code: z.string().min(1).max(40), codeSystem: icdCodeSystem, version: z.string().max(40).optional() }).strict(),
    output: icdResolvedView,
    permission: 'session',
    requiresSetup: true,
    audit: 'none',
    summary: '按编码、编码体系和版本查 ICD-10 诊断',
  }),
  'dictionary.icdVersions': method({
    input: z.object({}).strict(),
    output: z.array(icdVersionView),
    permission: 'session',
    requiresSetup: true,
    audit: 'none',
    summary: 'ICD-10 字典的各个版本',
  }),
  'dictionary.importIcdPreview': method({
    input: z
      .object({
        codeSystem: icdCodeSystem,
        version: z.string().trim().min(1, '请填写版本号').max(40),
        title: z.string().trim().min(1, '请填写名称').max(60),
        fileName,
        content: fileContent,
      })
      .strict(),
    output: z.object({
      token: z.string(),
      codeSystem: icdCodeSystem,
      version: z.string(),
      title: z.string(),
      readAs: z.string(),
      counts: z.object({ accepted: z.number(), rejected: z.number(), added: z.number(), retired: z.number(), renamed: z.number() }),
      firstRows: z.array(z.object({ code: z.string(), name: z.string() })),
      rejected: z.array(rejectedRowView),
    }),
    permission: 'admin.manage',
    requiresSetup: true,
    audit: 'none',
    summary: '预览要导入的 ICD-10 目录',
  }),
  'dictionary.importIcdApply': method({
    input: z.object({ token: z.string().uuid() }).strict(),
    output: icdVersionView,
    permission: 'admin.manage',
    requiresSetup: true,
    audit: 'write',
    summary: '导入 ICD-10 目录（新版本）',
  }),
  'dictionary.importProgress': method({
    input: z.object({}).strict(),
    output: progressView,
    permission: 'admin.manage',
    requiresSetup: true,
    audit: 'none',
    summary: '导入进度',
  }),
  'dictionary.searchDrugs': method({
    input: z.object({ query: z.string().max(40), limit }).strict(),
    output: z.array(drugView),
    permission: 'session',
    requiresSetup: true,
    audit: 'none',
    summary: '查找药品（名称、拼音首字母、编码）',
  }),
  'drugs.list': method({
    input: z.object({}).strict(),
    output: z.array(drugView),
    permission: 'session',
    requiresSetup: true,
    audit: 'none',
    summary: '本院药品目录',
  }),
  'drugs.save': method({
    input: z.object({ drug: drugInput.extend({ active: z.boolean() }) }).strict(),
    output: drugView,
    permission: 'admin.manage',
    requiresSetup: true,
    audit: 'write',
    summary: '新增或修改药品',
  }),
  'drugs.importPreview': method({
    input: z.object({ fileName, content: fileContent }).strict(),
    output: z.object({
      token: z.string(),
      readAs: z.string(),
      counts: z.object({ accepted: z.number(), rejected: z.number(), added: z.number(), updated: z.number() }),
      firstRows: z.array(drugInput),
      rejected: z.array(rejectedRowView),
    }),
    permission: 'admin.manage',
    requiresSetup: true,
    audit: 'none',
    summary: '预览要导入的药品目录',
  }),
  'drugs.importApply': method({
    input: z.object({ token: z.string().uuid() }).strict(),
    output: z.object({ saved: z.number().int() }),
    permission: 'admin.manage',
    requiresSetup: true,
    audit: 'write',
    summary: '导入药品目录',
  }),
  'users.antibioticGrades': method({
    input: z.object({}).strict(),
    output: z.array(z.object({ username: z.string(), displayName: z.string(), grade: z.enum(PRESCRIBER_GRADES) })),
    permission: 'admin.manage',
    requiresSetup: true,
    audit: 'none',
    summary: '医生的抗菌药物处方权',
  }),
  'users.setAntibioticGrade': method({
    input: z.object({ username, grade: z.enum(PRESCRIBER_GRADES) }).strict(),
    output: z.object({ username: z.string(), grade: z.enum(PRESCRIBER_GRADES) }),
    permission: 'admin.manage',
    requiresSetup: true,
    audit: 'write',
    summary: '设置医生的抗菌药物处方权',
  }),
} as const;
