/**
 * 病案室 (issue 10): the archive queue with its automatic and manual quality checks, the 病案整改
 * tasks of 门诊, archiving under a 病案号, changes after archiving approved by 医务科 (AR-05), the
 * case view with the 门（急）诊诊疗信息页, and the record room's statistics.
 */
import { z } from 'zod';
import { qcGrade } from '../docs/archive-case';
import { isoDate, isoTimestamp } from '../docs/base';
import { ARCHIVE_CHANGE_ID, CASE_NUMBER, ENCOUNTER_ID, QC_TASK_ID, AMENDMENT_ID } from '../docs/ids';
import { qcDefect } from '../docs/qc';
import { method } from './define';

export const ARCHIVE_CHECK_CODES = ['sections', 'signatures', 'countersign', 'icd', 'dates', 'allergy', 'rx_days'] as const;
export const archiveCheckView = z.object({ code: z.enum(ARCHIVE_CHECK_CODES), label: z.string(), passed: z.boolean(), problems: z.array(z.string()) });
export type ArchiveCheckView = z.infer<typeof archiveCheckView>;

/** Where a visit stands on its way to the archive. */
export const QUEUE_STATES = ['to_review', 'returned', 'answered', 'ready'] as const;
export const queueState = z.enum(QUEUE_STATES);
export type QueueState = z.infer<typeof queueState>;
export const QUEUE_STATE_LABELS: Readonly<Record<QueueState, string>> = {
  to_review: '待质控',
  returned: '已退回医生整改',
  answered: '医生已整改，待复核',
  ready: '已评定，待归档',
};

export const queueEntryView = z.object({
  encounterId: z.string(),
  patientName: z.string(),
  visitDate: isoDate,
  departmentName: z.string(),
  doctorName: z.string(),
  visitTypeLabel: z.string(),
  noteId: z.string(),
  state: queueState,
  /** Days since the visit. */
  waitingDays: z.number().int(),
  lastGrade: qcGrade.nullable(),
  pass: z.number().int(),
});
export type QueueEntryView = z.infer<typeof queueEntryView>;

export const qcReviewView = z.object({
  id: z.string(),
  pass: z.number().int(),
  grade: qcGrade,
  reviewer: z.string(),
  reviewedAt: isoTimestamp,
  defects: z.array(z.object({ code: z.string(), label: z.string(), remark: z.string() })),
  remark: z.string(),
  sendBack: z.boolean(),
});
export type QcReviewView = z.infer<typeof qcReviewView>;

export const qcTaskView = z.object({
  id: z.string(),
  encounterId: z.string(),
  noteId: z.string(),
  patientName: z.string(),
  visitDate: isoDate,
  defects: z.array(z.object({ code: z.string(), label: z.string(), remark: z.string() })),
  remark: z.string(),
  status: z.enum(['open', 'answered']),
  createdAt: isoTimestamp,
  answeredAt: isoTimestamp.nullable(),
});
export type QcTaskView = z.infer<typeof qcTaskView>;

export const caseDocumentView = z.object({
  id: z.string(),
  rev: z.string(),
  type: z.string(),
  label: z.string(),
  caption: z.string(),
  /** Added after archiving by an approved change (AR-05). */
  addedByChange: z.string().nullable(),
  /** For signed records: the state of their signatures now. */
  signature: z.enum(['verified', 'altered', 'unknown_key', 'unsigned']).nullable(),
  signatureNote: z.string().nullable(),
  /** The record's parts as the case shows them (label and text). */
  fields: z.array(z.object({ label: z.string(), text: z.string() })),
});
export type CaseDocumentView = z.infer<typeof caseDocumentView>;

/** 门（急）诊诊疗信息页 (MZ-INFO-2024): the case's one-page summary. */
export const infoPageView = z.object({
  clinicName: z.string(),
  clinicCode: z.string(),
  caseNumber: z.string(),
  patient: z.object({
    name: z.string(),
    sex: z.string(),
    birthDate: z.string(),
    age: z.string(),
    idNumber: z.string(),
    phone: z.string(),
    address: z.string(),
  }),
  visit: z.object({ visitNumber: z.string(), visitDate: isoDate, visitType: z.string(), department: z.string(), feeCategory: z.string(), visitAt: z.string() }),
  chiefComplaint: z.string(),
  allergies: z.string(),
  diagnoses: z.array(z.object({ position: z.string(), code: z.string(), name: z.string(), version: z.string() })),
  prescriptions: z.array(z.string()),
  doctor: z.string(),
  qcGrade: qcGrade,
  archivedAt: isoTimestamp,
  retentionUntil: isoDate,
});
export type InfoPageView = z.infer<typeof infoPageView>;

export const archiveChangeView = z.object({
  id: z.string(),
  caseNumber: z.string(),
  reason: z.string(),
  status: z.enum(['requested', 'approved', 'rejected']),
  requestedBy: z.string(),
  requestedAt: isoTimestamp,
  decidedBy: z.string().nullable(),
  decidedAt: isoTimestamp.nullable(),
  decisionNote: z.string(),
  documents: z.array(z.string()),
});
export type ArchiveChangeView = z.infer<typeof archiveChangeView>;

export const caseView = z.object({
  caseNumber: z.string(),
  kind: z.enum(['visit', 'paper']),
  patientName: z.string(),
  visitDate: isoDate,
  qcGrade: qcGrade,
  archivedAt: isoTimestamp,
  archivedBy: z.string(),
  retentionUntil: isoDate,
  documents: z.array(caseDocumentView),
  changes: z.array(archiveChangeView),
  /** Records of the visit made after archiving that the case does not include (may be added by an approved change). */
  lateDocuments: z.array(z.object({ id: z.string(), label: z.string(), caption: z.string() })),
  infoPage: infoPageView.nullable(),
  reviews: z.array(qcReviewView),
});
export type CaseView = z.infer<typeof caseView>;

export const listedCaseView = z.object({
  caseNumber: z.string(),
  patientName: z.string(),
  visitDate: isoDate,
  departmentCode: z.string(),
  qcGrade: qcGrade,
  archivedAt: isoTimestamp,
  retentionUntil: isoDate,
});
export type ListedCaseView = z.infer<typeof listedCaseView>;

export const statsView = z.object({
  archivedPerMonth: z.array(z.object({ month: z.string(), cases: z.number().int() })),
  grades: z.array(z.object({ grade: z.string(), cases: z.number().int() })),
  defects: z.array(z.object({ code: z.string(), label: z.string(), count: z.number().int() })),
  queueAge: z.array(z.object({ bucket: z.string(), visits: z.number().int() })),
  loans: z.array(z.object({ label: z.string(), count: z.number().int() })),
  copies: z.array(z.object({ kind: z.string(), count: z.number().int() })),
});
export type StatsView = z.infer<typeof statsView>;
export const STATS_CHARTS = ['archivedPerMonth', 'grades', 'defects', 'queueAge', 'loans', 'copies'] as const;
export type StatsChart = (typeof STATS_CHARTS)[number];

const encounterId = z.string().regex(ENCOUNTER_ID, '就诊编号格式不对');
const caseNumber = z.string().regex(CASE_NUMBER, '病案号格式不对');

export const archiveContract = {
  'archive.queue': method({
    input: z.object({}).strict(),
    output: z.object({ entries: z.array(queueEntryView) }),
    permission: 'archive.qc',
    requiresSetup: true,
    audit: 'read',
    summary: '归档队列',
  }),
  'archive.checks': method({
    input: z.object({ encounterId }).strict(),
    output: z.object({ encounterId: z.string(), checks: z.array(archiveCheckView), reviews: z.array(qcReviewView), tasks: z.array(qcTaskView) }),
    permission: 'archive.qc',
    requiresSetup: true,
    audit: 'read',
    summary: '病历自动质控结果',
  }),
  'archive.review': method({
    input: z
      .object({
        encounterId,
        grade: qcGrade,
        defects: z.array(qcDefect).max(30),
        remark: z.string().trim().max(500, '备注不超过 500 个字'),
        sendBack: z.boolean(),
      })
      .strict(),
    output: z.object({ reviewId: z.string(), taskId: z.string().nullable() }),
    permission: 'archive.qc',
    requiresSetup: true,
    audit: 'write',
    summary: '病历质控评定',
  }),
  'archive.archive': method({
    input: z.object({ encounterId }).strict(),
    output: z.object({ caseNumber: z.string(), retentionUntil: isoDate }),
    permission: 'archive.manage',
    requiresSetup: true,
    audit: 'write',
    summary: '病案归档',
  }),
  'archive.myTasks': method({
    input: z.object({}).strict(),
    output: z.object({ tasks: z.array(qcTaskView) }),
    permission: 'encounter.chart',
    requiresSetup: true,
    audit: 'read',
    summary: '我的病案整改',
  }),
  'archive.answerTask': method({
    input: z
      .object({ taskId: z.string().regex(QC_TASK_ID), amendmentId: z.string().regex(AMENDMENT_ID), answer: z.string().trim().max(500, '答复不超过 500 个字') })
      .strict(),
    output: z.object({ taskId: z.string() }),
    permission: 'encounter.chart',
    requiresSetup: true,
    audit: 'write',
    summary: '答复病案整改',
  }),
  'archive.recent': method({
    input: z.object({ limit: z.number().int().min(1).max(200).default(50) }).strict(),
    output: z.object({ cases: z.array(listedCaseView) }),
    permission: 'archive.read',
    requiresSetup: true,
    audit: 'read',
    summary: '最近归档的病案',
  }),
  'archive.case': method({
    input: z.object({ caseNumber }).strict(),
    output: caseView,
    permission: 'archive.read',
    requiresSetup: true,
    audit: 'read',
    summary: '查看病案',
  }),
  'archive.requestChange': method({
    input: z
      .object({
        caseNumber,
        reason: z.string().trim().min(2, '请写明修改原因').max(500, '原因不超过 500 个字'),
        documentIds: z.array(z.string().min(1).max(200)).min(1, '请选择要补入病案的记录').max(50),
      })
      .strict(),
    output: z.object({ changeId: z.string() }),
    permission: 'archive.manage',
    requiresSetup: true,
    audit: 'write',
    summary: '申请归档后修改',
  }),
  'archive.decideChange': method({
    input: z.object({ changeId: z.string().regex(ARCHIVE_CHANGE_ID), approve: z.boolean(), note: z.string().trim().max(500, '意见不超过 500 个字') }).strict(),
    output: z.object({ changeId: z.string(), status: z.enum(['approved', 'rejected']) }),
    permission: 'archive.approve',
    requiresSetup: true,
    audit: 'write',
    summary: '医务科审批归档后修改',
  }),
  'archive.pendingChanges': method({
    input: z.object({}).strict(),
    output: z.object({ changes: z.array(archiveChangeView) }),
    permission: 'archive.approve',
    requiresSetup: true,
    audit: 'read',
    summary: '待审批的归档后修改',
  }),
  'archive.stats': method({
    input: z.object({}).strict(),
    output: statsView,
    permission: 'archive.read',
    requiresSetup: true,
    // Counts only, no patient named.
    audit: 'none',
    summary: '病案统计',
  }),
  'archive.statsXlsx': method({
    input: z.object({ chart: z.enum(STATS_CHARTS) }).strict(),
    output: z.object({ fileName: z.string(), contentType: z.string(), base64: z.string(), rows: z.number().int().nonnegative() }),
    permission: 'archive.read',
    requiresSetup: true,
    audit: 'none',
    summary: '导出病案统计表',
  }),
} as const;
