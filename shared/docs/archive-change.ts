import { z } from 'zod';
import { frozenRevision } from './archive-case';
import { documentBase, isoTimestamp } from './base';
import { ARCHIVE_CASE_ID, ARCHIVE_CHANGE_ID, CASE_NUMBER } from './ids';
import { username } from './user';

export const archiveChangeStatus = z.enum(['requested', 'approved', 'rejected']);
export const ARCHIVE_CHANGE_STATUS_LABELS = { requested: '待医务科审批', approved: '已批准', rejected: '未批准' } as const;

/**
 * 归档后修改: a change to an archived case (adding a document that came late, such as a lab report
 * or an amendment), allowed only with the approval of 医务科 and kept with the case, reason and all
 * (REGULATIONS.md AR-05). The case itself is never edited; an approved change adds its revisions to
 * what the case shows. Decided once: after approval or refusal it cannot change.
 */
export const archiveChangeDoc = z
  .object({
    _id: z.string().regex(ARCHIVE_CHANGE_ID),
    type: z.literal('archive_change'),
    ...documentBase,
    case_id: z.string().regex(ARCHIVE_CASE_ID),
    case_number: z.string().regex(CASE_NUMBER),
    reason: z.string().trim().min(2, '请写明修改原因').max(500, '原因不超过 500 个字'),
    /** The revisions the change adds to the case, frozen as they were when requested. */
    add_documents: z.array(frozenRevision).min(1, '请选择要补入病案的记录').max(50),
    requested_by: username,
    requested_at: isoTimestamp,
    status: archiveChangeStatus,
    decided_by: username.nullable(),
    decided_at: isoTimestamp.nullable(),
    decision_note: z.string().trim().max(500),
  })
  .superRefine((change, ctx) => {
    if ((change.status === 'requested') !== (change.decided_at === null))
      ctx.addIssue({ code: 'custom', path: ['decided_at'], message: '审批时间与状态不一致' });
  });
export type ArchiveChangeDoc = z.infer<typeof archiveChangeDoc>;
