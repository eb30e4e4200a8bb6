import { z } from 'zod';
import { documentBase, isoDate, isoTimestamp } from './base';
import { lendingCaseNumber, lendingPurpose, lendingReason, staffName } from './access-grant';
import { PAPER_LOAN_ID } from './ids';

/**
 * 纸质病案借出 (REGULATIONS.md AR-15): one paper folder (`BA-<病案号>` on its label) out of the record
 * room: to whom, why, who approved, when it went out and when it is due back; `returned` once the
 * folder is scanned in again. A returned loan is history and is never edited.
 */
export const paperLoanDoc = z.object({
  _id: z.string().regex(PAPER_LOAN_ID),
  type: z.literal('paper_loan'),
  ...documentBase,
  case_number: lendingCaseNumber,
  borrower: z.object({
    name: z.string().trim().min(1, '请填写借阅人姓名').max(30, '姓名不超过 30 个字'),
    /** The borrower's department or unit (本院科室, or an outside institution for research). */
    unit: z.string().trim().max(60, '单位不超过 60 个字'),
    phone: z.string().trim().max(20, '电话不超过 20 位'),
  }),
  purpose: lendingPurpose,
  reason: lendingReason,
  /** The approver as written on the loan slip (AR-15 records the approver). */
  approver_name: z.string().trim().min(1, '请填写批准人').max(30, '批准人姓名不超过 30 个字'),
  lent_at: isoTimestamp,
  lent_by: staffName,
  due_date: isoDate,
  status: z.enum(['out', 'returned']),
  returned: z.object({ at: isoTimestamp, received_by: staffName }).optional(),
});
export type PaperLoanDoc = z.infer<typeof paperLoanDoc>;

export const EXAMPLE_PAPER_LOAN = {
  _id: 'paper_loan:01JQ0000000000000000000012',
  type: 'paper_loan',
  schema_version: 1,
  clinic_code: 'demo01',
  created_at: '2025-03-03T08:00:00.000Z',
  created_by: 'li.yong',
  updated_at: '2025-03-03T08:00:00.000Z',
  updated_by: 'li.yong',
  case_number: 'demo01-2025-W01-00001',
  borrower: { name: '李明', unit: '内科', phone: '' },
  purpose: 'treatment',
  reason: '复诊参考既往病历',
  approver_name: '杨志强',
  lent_at: '2025-03-03T08:00:00.000Z',
  lent_by: { username: 'li.yong', display_name: '李勇' },
  due_date: '2025-03-05',
  status: 'out',
};
