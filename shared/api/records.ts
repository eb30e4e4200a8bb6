/**
 * 病案室: the record room's search (病案查询) and its scan desk (档案数字化: page sets, page images,
 * OCR, folder labels). Search results and pages show patient data: reading them is audited.
 */
import { z } from 'zod';
import { isoDate } from '../docs/base';
import { departmentCode } from '../docs/department';
import { ENCOUNTER_ID, PAGE_SET_ID, PATIENT_ID } from '../docs/ids';
import { PAGE_ATTACHMENT, pageContentType, pageRotation } from '../docs/page-set';
import { username } from '../docs/user';
import { method } from './define';

const rev = z.string().regex(/^\d+-[0-9a-f]{32}$/, '记录版本号格式不对');
const pageSetId = z.string().regex(PAGE_SET_ID, '扫描件编号格式不对');
/** 病案号 as typed: checked for its shape by the case itself, here only bounded. */
const caseNumberText = z.string().trim().min(1).max(40);

/** One piece of a snippet: `mark` where the query matched. Rendered as text, never as HTML. */
export const snippetPart = z.object({ text: z.string(), mark: z.boolean() });
export type SnippetPart = z.infer<typeof snippetPart>;

export const QC_GRADES = ['甲', '乙', '丙'] as const;

export const recordSearchInput = z
  .object({
    /** Words to find in the notes and the scanned pages' text; spaces separate words that must all occur. */
    text: z.string().trim().max(100, '检索词不超过 100 个字').default(''),
    /** Name, pinyin initials (as at the front desk) or ID number. */
    patient: z.string().trim().max(64, '患者检索内容太长').default(''),
    caseNumber: z.string().trim().max(40).default(''),
    dateFrom: isoDate.optional(),
    dateTo: isoDate.optional(),
    departmentCode: departmentCode.optional(),
    doctorUsername: username.optional(),
    /** A diagnosis code or its beginning (J18), or an ICD chapter as its range (J00-J99). */
    diagnosis: z
      .string()
      .trim()
      .regex(/^$|^[A-Za-z][0-9A-Za-z.]{0,10}$|^[A-Za-z]\d\d-[A-Za-z]\d\d$/, '诊断写编码（如 J18）或章节范围（如 J00-J99）')
      .default(''),
    qcGrade: z.enum(QC_GRADES).optional(),
    limit: z.number().int().min(1).max(200).default(50),
  })
  .strict()
  .refine((input) => !input.dateFrom || !input.dateTo || input.dateFrom <= input.dateTo, { message: '开始日期不能晚于结束日期', path: ['dateTo'] });
export type RecordSearchInput = z.input<typeof recordSearchInput>;

export const recordSearchResult = z.object({
  recordId: z.string(),
  kind: z.enum(['note', 'page_set']),
  /** 病案号 once archived, else null (未归档). */
  caseNumber: z.string().nullable(),
  qcGrade: z.string().nullable(),
  patient: z.object({ id: z.string(), name: z.string() }),
  visitDate: isoDate.nullable(),
  department: z.string().nullable(),
  doctor: z.string().nullable(),
  /** What the record is: 门诊病历, or the scanned set's title. */
  title: z.string(),
  /** Where the text matched: 病历正文, 病历修改, 扫描页（机器识别）. */
  matchedIn: z.string().nullable(),
  machineRead: z.boolean(),
  snippet: z.array(snippetPart).nullable(),
});
export type RecordSearchResult = z.infer<typeof recordSearchResult>;

export const ocrStatus = z.object({
  available: z.boolean(),
  /** The engine and its version, or in Chinese why there is none. */
  engine: z.string(),
  pending: z.number().int().nonnegative(),
  running: z.object({ pageSetId: z.string(), page: z.number().int().positive() }).nullable(),
  done: z.number().int().nonnegative(),
  failed: z.number().int().nonnegative(),
  lastError: z.string().nullable(),
});
export type OcrStatus = z.infer<typeof ocrStatus>;

export const pageView = z.object({
  attachment: z.string(),
  contentType: pageContentType,
  width: z.number().int(),
  height: z.number().int(),
  rotation: pageRotation,
  source: z.string(),
  /** null while OCR has not read it (or cannot run here). */
  ocrText: z.string().nullable(),
});
export type PageView = z.infer<typeof pageView>;

export const pageSetView = z.object({
  id: z.string(),
  rev: z.string(),
  patientId: z.string(),
  encounterId: z.string().nullable(),
  caseNumber: z.string().nullable(),
  title: z.string(),
  status: z.enum(['scanning', 'complete']),
  pages: z.array(pageView),
});
export type PageSetView = z.infer<typeof pageSetView>;

export const recordsContract = {
  'records.search': method({
    input: recordSearchInput,
    output: z.object({ results: z.array(recordSearchResult), more: z.boolean() }),
    permission: 'archive.read',
    requiresSetup: true,
    audit: 'read',
    summary: '病案查询（患者、病案号、日期、科室、医生、诊断、质控等级、全文）',
  }),
  'records.chapters': method({
    input: z.object({}).strict(),
    output: z.array(z.object({ range: z.string(), name: z.string() })),
    permission: 'archive.read',
    requiresSetup: true,
    audit: 'none',
    summary: 'ICD-10 章节（病案查询的诊断章节选项）',
  }),
  'records.importPages': method({
    input: z
      .object({
        /** Add to this set (still being scanned); left out: a new set. */
        pageSetId: pageSetId.optional(),
        rev: rev.optional(),
        patientId: z.string().regex(PATIENT_ID, '请先选择患者'),
        encounterId: z.string().regex(ENCOUNTER_ID).optional(),
        caseNumber: caseNumberText.optional(),
        title: z.string().trim().min(1, '请填写这份纸质病历的名称').max(60, '名称不超过 60 个字'),
        /** One file per call (a PDF may hold many pages), base64. */
        file: z.object({ name: z.string().trim().min(1).max(200), dataBase64: z.string().min(1, '文件是空的') }),
      })
      .strict(),
    output: z.object({ pageSet: pageSetView, added: z.number().int().positive(), ocr: ocrStatus }),
    permission: 'archive.manage',
    requiresSetup: true,
    audit: 'write',
    summary: '导入纸质病历扫描件（PDF、PNG、JPEG）',
  }),
  'records.pageSet': method({
    input: z.object({ id: pageSetId }).strict(),
    output: pageSetView,
    permission: 'archive.read',
    requiresSetup: true,
    audit: 'read',
    summary: '查看扫描件',
  }),
  'records.pageImage': method({
    input: z.object({ id: pageSetId, attachment: z.string().regex(PAGE_ATTACHMENT) }).strict(),
    output: z.object({ contentType: pageContentType, dataBase64: z.string() }),
    permission: 'archive.read',
    requiresSetup: true,
    audit: 'read',
    summary: '查看扫描页图片',
  }),
  'records.arrangePages': method({
    input: z
      .object({
        id: pageSetId,
        rev,
        /** The pages in their new order with their rotation; a page left out is removed. */
        pages: z.array(z.object({ attachment: z.string().regex(PAGE_ATTACHMENT), rotation: pageRotation })).min(1, '至少要留一页'),
        /** Confirm the set as complete: it cannot be changed afterwards. */
        complete: z.boolean().default(false),
      })
      .strict(),
    output: pageSetView,
    permission: 'archive.manage',
    requiresSetup: true,
    audit: 'write',
    summary: '调整扫描页（排序、旋转、删除、确认完成）',
  }),
  'records.listPageSets': method({
    input: z.object({ patientId: z.string().regex(PATIENT_ID) }).strict(),
    output: z.array(pageSetView.omit({ pages: true }).extend({ pageCount: z.number().int() })),
    permission: 'archive.read',
    requiresSetup: true,
    audit: 'read',
    summary: '患者的纸质病历扫描件',
  }),
  'records.ocrStatus': method({
    input: z.object({}).strict(),
    output: ocrStatus,
    permission: 'archive.manage',
    requiresSetup: true,
    audit: 'none',
    summary: '文字识别进度',
  }),
  'records.folderLabel': method({
    input: z.object({ caseNumber: caseNumberText }).strict(),
    output: z.object({ barcode: z.string(), pngBase64: z.string(), pdfBase64: z.string() }),
    permission: 'archive.manage',
    requiresSetup: true,
    audit: 'none',
    summary: '病案袋条码标签（Code 128，BA-病案号）',
  }),
} as const;
