/**
 * 复印 (certified copies, REGULATIONS.md AR-16–AR-25): the copy desk registers a request with the
 * documents seen, 医务科 approves it, the desk prints the certified copy (its disclosure-log entry is
 * written with it), and anyone at the record room verifies a copy by its QR code or number.
 * electron/print/certified-copy/README.md describes the PDF and its verification.
 */
import { z } from 'zod';
import { isoTimestamp } from '../docs/base';
import { applicant, applicantKind, copyPart, copyRequestStatus, proofDocument } from '../docs/copy-request';
import { COPY_REQUEST_ID, PATIENT_ID } from '../docs/ids';
import { method } from './define';

export const copyRequestView = z.object({
  id: z.string(),
  rev: z.string(),
  patientId: z.string(),
  patientName: z.string(),
  caseNumbers: z.array(z.string()),
  applicant,
  purpose: z.string(),
  documentsSeen: z.array(proofDocument),
  parts: z.array(copyPart),
  status: copyRequestStatus,
  requestedAt: isoTimestamp,
  requestedBy: z.string(),
  decidedBy: z.string().nullable(),
  decisionNote: z.string().nullable(),
  disclosureId: z.string().nullable(),
});
export type CopyRequestView = z.infer<typeof copyRequestView>;

export const disclosureView = z.object({
  id: z.string(),
  patientId: z.string(),
  caseNumbers: z.array(z.string()),
  applicantKind,
  applicantName: z.string(),
  purpose: z.string(),
  pages: z.number().int(),
  printedAt: isoTimestamp,
  printedBy: z.string(),
});
export type DisclosureView = z.infer<typeof disclosureView>;

export const copyVerdictView = z.object({
  status: z.enum(['genuine', 'altered', 'unknown']),
  /** 真实 / 已被改动 / 无法识别 */
  headline: z.string(),
  reason: z.string(),
  copyId: z.string().nullable(),
  disclosure: disclosureView.nullable(),
});
export type CopyVerdictView = z.infer<typeof copyVerdictView>;

const requestId = z.string().regex(COPY_REQUEST_ID, '复印申请编号格式不对');

export const copyRequestInput = z
  .object({
    patientId: z.string().regex(PATIENT_ID, '请选择患者'),
    caseNumbers: z.array(z.string().min(3).max(60)).min(1, '请填写要复印的病案号').max(50),
    applicant,
    purpose: z.string().trim().min(2, '请填写复印用途（至少 2 个字）').max(100, '用途不超过 100 个字'),
    documentsSeen: z.array(proofDocument).max(20),
    parts: z.array(copyPart).min(1, '请选择要复印的内容'),
  })
  .strict();

export const copiesContract = {
  'copies.request': method({
    input: copyRequestInput,
    output: copyRequestView,
    permission: 'archive.manage',
    requiresSetup: true,
    audit: 'write',
    summary: '登记复印申请（核验申请人材料）',
  }),
  'copies.decide': method({
    input: z.object({ id: requestId, approve: z.boolean(), note: z.string().trim().max(200).optional() }).strict(),
    output: copyRequestView,
    permission: 'archive.approve',
    requiresSetup: true,
    audit: 'write',
    summary: '审批复印申请',
  }),
  'copies.print': method({
    input: z.object({ id: requestId }).strict(),
    output: z.object({
      fileName: z.string(),
      contentType: z.literal('application/pdf'),
      pdfBase64: z.string(),
      bytes: z.number().int().positive(),
      copyId: z.string(),
      pages: z.number().int().positive(),
    }),
    permission: 'archive.manage',
    requiresSetup: true,
    audit: 'write',
    summary: '打印病历复印件（写入复印登记）',
  }),
  'copies.requests': method({
    input: z.object({ status: copyRequestStatus.optional() }).strict(),
    output: z.object({ requests: z.array(copyRequestView) }),
    permission: 'archive.manage',
    requiresSetup: true,
    audit: 'read',
    summary: '复印申请列表',
  }),
  'copies.disclosures': method({
    input: z.object({ patientId: z.string().regex(PATIENT_ID).optional() }).strict(),
    output: z.object({ disclosures: z.array(disclosureView) }),
    permission: 'archive.manage',
    requiresSetup: true,
    audit: 'read',
    summary: '复印登记',
  }),
  'copies.verify': method({
    input: z.object({ code: z.string().trim().min(1, '请扫描复印件上的二维码，或输入复印件编号').max(600) }).strict(),
    output: copyVerdictView,
    permission: 'archive.read',
    requiresSetup: true,
    audit: 'read',
    summary: '复印件核验',
  }),
} as const;
