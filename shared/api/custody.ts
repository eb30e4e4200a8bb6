/**
 * 借阅与封存 (REGULATIONS.md AR-13–AR-15, AR-26–AR-34): electronic access grants and paper-folder
 * loans, sealing with its 封存清单, staged sealing and unsealing. Every call that shows case contents
 * is audited as a read naming the grant or seal it went through; every change as a write.
 */
import { z } from 'zod';
import { isoDate, isoTimestamp } from '../docs/base';
import { ACCESS_GRANT_ID, PAPER_LOAN_ID, SEAL_ID } from '../docs/ids';
import { lendingCaseNumber, lendingPurpose, lendingReason } from '../docs/access-grant';
import { patientSide, sealedItem, sealReason } from '../docs/seal';
import { username } from '../docs/user';
import { method } from './define';

const grantId = z.string().regex(ACCESS_GRANT_ID, '借阅授权编号格式不对');
const loanId = z.string().regex(PAPER_LOAN_ID, '借出记录编号格式不对');
const sealId = z.string().regex(SEAL_ID, '封存编号格式不对');
const caseNumbers = z.array(lendingCaseNumber).min(1, '请至少选一份病案').max(20, '一次最多 20 份病案');
/** A folder label as scanned or typed: `BA-<病案号>`, or the 病案号 alone. */
const folderCode = z.string().trim().min(1, '请扫描病案袋条码或输入病案号').max(60, '条码太长');

export const grantStateName = z.enum(['pending', 'active', 'expired', 'revoked']);
export type GrantStateName = z.infer<typeof grantStateName>;

export const grantView = z.object({
  id: z.string(),
  rev: z.string(),
  grantee: z.object({ username: z.string(), displayName: z.string() }),
  caseNumbers: z.array(z.string()),
  purpose: lendingPurpose,
  reason: z.string(),
  approvedBy: z.string(),
  approvedAt: isoTimestamp,
  validFrom: isoTimestamp,
  validUntil: isoTimestamp,
  /** Decided by the clock when read: a grant past its end shows `expired` with nothing rewritten. */
  state: grantStateName,
});
export type GrantView = z.infer<typeof grantView>;

export const loanView = z.object({
  id: z.string(),
  rev: z.string(),
  caseNumber: z.string(),
  borrowerName: z.string(),
  borrowerUnit: z.string(),
  purpose: lendingPurpose,
  approverName: z.string(),
  lentAt: isoTimestamp,
  lentBy: z.string(),
  dueDate: isoDate,
  returnedAt: isoTimestamp.nullable(),
  /** Days past the due date (0 when not overdue or returned). */
  overdueDays: z.number().int().nonnegative(),
});
export type LoanView = z.infer<typeof loanView>;

/** One document of a case as the reader sees it: read-only, field by field. */
export const grantedDocumentView = z.object({
  id: z.string(),
  rev: z.string(),
  type: z.string(),
  label: z.string(),
  caption: z.string(),
  fields: z.array(z.object({ label: z.string(), value: z.string() })),
});
export type GrantedDocumentView = z.infer<typeof grantedDocumentView>;

export const sealStageView = z.object({
  number: z.number().int().positive(),
  listSm3: z.string(),
  confirmedAt: isoTimestamp,
  patientSide: z.object({ role: z.string(), roleLabel: z.string(), name: z.string(), idNumber: z.string() }),
  institutionSide: z.object({ username: z.string(), displayName: z.string() }),
  items: z.array(sealedItem.extend({ label: z.string(), check: z.enum(['intact', 'altered', 'missing']) })),
});

export const sealView = z.object({
  id: z.string(),
  rev: z.string(),
  patientId: z.string(),
  caseNumbers: z.array(z.string()),
  reason: z.string(),
  sealedAt: isoTimestamp,
  stageCount: z.number().int(),
  itemCount: z.number().int(),
  status: z.enum(['sealed', 'unsealed']),
  unsealApproved: z.boolean(),
  unsealedAt: isoTimestamp.nullable(),
  /** AR-31: from this date the institution may unseal on its own if no claim was made. */
  noClaimUnsealDate: isoDate,
});
export type SealView = z.infer<typeof sealView>;

export const sealDetailView = sealView.extend({
  patientName: z.string(),
  stages: z.array(sealStageView),
  unsealApproval: z.object({ by: z.string(), at: isoTimestamp, reason: z.string() }).nullable(),
  unsealed: z.object({ kind: z.enum(['approved', 'no_claim']), at: isoTimestamp, by: z.string(), reason: z.string() }).nullable(),
  /** Every sealed revision read back and its digest recomputed: true when all are as sealed. */
  intact: z.boolean(),
  /** The sealed documents shown, listed flat so the audit event of the opening names every one. */
  documentIds: z.array(z.string()),
});
export type SealDetailView = z.infer<typeof sealDetailView>;

/** What both sides are shown to confirm: the parts not yet sealed, with the digest of that exact list. */
export const sealPreviewView = z.object({
  patientId: z.string(),
  patientName: z.string(),
  caseNumbers: z.array(z.string()),
  items: z.array(sealedItem.extend({ label: z.string() })),
  listSm3: z.string(),
});
export type SealPreviewView = z.infer<typeof sealPreviewView>;

/** Both sides' confirmation of one list; the institution's side is the logged-in user. */
const confirmation = z
  .object({
    listSm3: z.string().regex(/^[0-9a-f]{64}$/, '请先生成封存清单，双方核对后再确认'),
    patientSide: patientSide.partial().optional(),
    patientConfirmed: z.boolean(),
    institutionConfirmed: z.boolean(),
  })
  .strict();

export const folderStatusView = z.object({
  caseNumber: z.string(),
  /** The case is archived here (visible to this user). */
  known: z.boolean(),
  outstanding: loanView.nullable(),
});

export const custodyContract = {
  'custody.grants': method({
    input: z.object({}).strict(),
    output: z.object({ grants: z.array(grantView) }),
    permission: 'archive.manage',
    requiresSetup: true,
    audit: 'read',
    summary: '借阅授权列表（含已到期）',
  }),
  'custody.grantAccess': method({
    input: z.object({ grantee: username, caseNumbers, purpose: lendingPurpose, reason: lendingReason, from: isoDate, until: isoDate }).strict(),
    output: grantView,
    permission: 'archive.approve',
    requiresSetup: true,
    audit: 'write',
    summary: '批准电子借阅',
  }),
  'custody.revokeGrant': method({
    input: z.object({ id: grantId, reason: lendingReason }).strict(),
    output: grantView,
    permission: 'archive.approve',
    requiresSetup: true,
    audit: 'write',
    summary: '收回借阅授权',
  }),
  'custody.myGrants': method({
    input: z.object({}).strict(),
    output: z.object({ grants: z.array(grantView) }),
    permission: 'session',
    requiresSetup: true,
    audit: 'read',
    summary: '我的借阅（本人被授权查看的病案）',
  }),
  'custody.openCase': method({
    input: z.object({ caseNumber: lendingCaseNumber }).strict(),
    output: z.object({ grantId, caseId: z.string(), caseNumber: z.string(), validUntil: isoTimestamp, documents: z.array(grantedDocumentView) }),
    permission: 'session',
    requiresSetup: true,
    audit: 'read',
    summary: '通过借阅授权查看病案（只读）',
  }),
  'custody.paperLoans': method({
    input: z.object({ outOnly: z.boolean().default(false) }).strict(),
    output: z.object({ today: isoDate, loans: z.array(loanView), overdue: z.array(loanView) }),
    permission: 'archive.manage',
    requiresSetup: true,
    audit: 'read',
    summary: '纸质病案借出与逾期未还',
  }),
  'custody.folderStatus': method({
    input: z.object({ code: folderCode }).strict(),
    output: folderStatusView,
    permission: 'archive.manage',
    requiresSetup: true,
    audit: 'read',
    summary: '扫描病案袋：是否已借出',
  }),
  'custody.lendFolder': method({
    input: z
      .object({
        code: folderCode,
        borrowerName: z.string().trim().min(1, '请填写借阅人姓名').max(30, '姓名不超过 30 个字'),
        borrowerUnit: z.string().trim().max(60, '单位不超过 60 个字').default(''),
        borrowerPhone: z.string().trim().max(20, '电话不超过 20 位').default(''),
        purpose: lendingPurpose,
        reason: lendingReason,
        approverName: z.string().trim().min(1, '请填写批准人').max(30, '批准人姓名不超过 30 个字'),
        dueDate: isoDate,
      })
      .strict(),
    output: loanView,
    permission: 'archive.manage',
    requiresSetup: true,
    audit: 'write',
    summary: '借出纸质病案',
  }),
  'custody.returnFolder': method({
    input: z.object({ code: folderCode }).strict(),
    output: loanView,
    permission: 'archive.manage',
    requiresSetup: true,
    audit: 'write',
    summary: '归还纸质病案（扫描条码）',
  }),
  'custody.seals': method({
    input: z.object({}).strict(),
    output: z.object({ seals: z.array(sealView) }),
    permission: 'archive.seal',
    requiresSetup: true,
    audit: 'read',
    summary: '封存列表',
  }),
  'custody.sealPreview': method({
    input: z.union([z.object({ caseNumbers }).strict(), z.object({ sealId }).strict()]),
    output: sealPreviewView,
    permission: 'archive.seal',
    requiresSetup: true,
    audit: 'read',
    summary: '生成封存清单（待双方确认）',
  }),
  'custody.seal': method({
    input: z.object({ caseNumbers, reason: sealReason, confirmation }).strict(),
    output: sealDetailView,
    permission: 'archive.seal',
    requiresSetup: true,
    audit: 'write',
    summary: '封存病案（双方确认封存清单）',
  }),
  'custody.addSealStage': method({
    input: z.object({ sealId, confirmation }).strict(),
    output: sealDetailView,
    permission: 'archive.seal',
    requiresSetup: true,
    audit: 'write',
    summary: '补充封存后来完成的部分',
  }),
  'custody.sealDetail': method({
    input: z.object({ sealId }).strict(),
    output: sealDetailView,
    permission: 'archive.seal',
    requiresSetup: true,
    audit: 'read',
    summary: '查看封存的病案（逐份核对摘要）',
  }),
  'custody.approveUnseal': method({
    input: z.object({ sealId, reason: sealReason }).strict(),
    output: sealDetailView,
    permission: 'archive.approve',
    requiresSetup: true,
    audit: 'write',
    summary: '批准启封',
  }),
  'custody.unseal': method({
    input: z.object({ sealId, kind: z.enum(['approved', 'no_claim']), reason: sealReason, patientSide: patientSide.nullable().default(null) }).strict(),
    output: sealDetailView,
    permission: 'archive.seal',
    requiresSetup: true,
    audit: 'write',
    summary: '启封',
  }),
} as const;
