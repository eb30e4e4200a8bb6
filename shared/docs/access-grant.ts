import { z } from 'zod';
import { documentBase, isoTimestamp } from './base';
import { ACCESS_GRANT_ID, CASE_NUMBER } from './ids';
import { username } from './user';

/**
 * 借阅 (REGULATIONS.md AR-13–AR-15): why a record is lent. Research and teaching loans are limited
 * to 3 working days (AR-14); the limit for each purpose is in electron/services/custody/lending-rules.ts.
 */
export const LENDING_PURPOSES = ['treatment', 'research', 'teaching', 'other'] as const;
export const lendingPurpose = z.enum(LENDING_PURPOSES);
export type LendingPurpose = z.infer<typeof lendingPurpose>;
export const LENDING_PURPOSE_LABELS: Readonly<Record<LendingPurpose, string>> = {
  treatment: '诊疗',
  research: '科研',
  teaching: '教学',
  other: '其他',
};

/** A 病案号 (`<本院编码>-<year>-<workstation>-<sequence>`, shared/docs/ids.ts). */
export const lendingCaseNumber = z.string().regex(CASE_NUMBER, '病案号格式不对，应像 xz01-2026-W03-00017 这样');

/** Who did something, as the record keeps it: the account and the name shown then. */
export const staffName = z.object({ username, display_name: z.string().min(1).max(30) });
export type StaffName = z.infer<typeof staffName>;

export const lendingReason = z.string().trim().min(2, '请写明借阅原因（至少 2 个字）').max(500, '借阅原因不超过 500 个字');

/**
 * 电子借阅授权: a staff member may open the listed archived cases, read-only, from `valid_from` until
 * `valid_until`. It expires by itself: a grant past `valid_until` grants nothing, without any job
 * rewriting it; `revoked` ends it early. Who approved it is the 医务科 member who made it
 * (archive.approve). Every read through a grant is audited naming the grant.
 */
export const accessGrantDoc = z
  .object({
    _id: z.string().regex(ACCESS_GRANT_ID),
    type: z.literal('access_grant'),
    ...documentBase,
    grantee: staffName,
    case_numbers: z.array(lendingCaseNumber).min(1, '请至少选一份病案').max(20, '一次最多借阅 20 份病案'),
    purpose: lendingPurpose,
    reason: lendingReason,
    approved_by: staffName,
    approved_at: isoTimestamp,
    valid_from: isoTimestamp,
    valid_until: isoTimestamp,
    status: z.enum(['granted', 'revoked']),
    revoked: z.object({ by: staffName, at: isoTimestamp, reason: lendingReason }).optional(),
  })
  .refine((grant) => grant.valid_from < grant.valid_until, { message: '借阅截止时间应晚于开始时间', path: ['valid_until'] });
export type AccessGrantDoc = z.infer<typeof accessGrantDoc>;

export const EXAMPLE_ACCESS_GRANT = {
  _id: 'access_grant:01JQ0000000000000000000011',
  type: 'access_grant',
  schema_version: 1,
  clinic_code: 'demo01',
  created_at: '2025-03-03T08:00:00.000Z',
  created_by: 'yang.zq',
  updated_at: '2025-03-03T08:00:00.000Z',
  updated_by: 'yang.zq',
  grantee: { username: 'li.ming', display_name: '李明' },
  case_numbers: ['demo01-2025-W01-00001'],
  purpose: 'research',
  reason: '高血压随访课题',
  approved_by: { username: 'yang.zq', display_name: '杨志强' },
  approved_at: '2025-03-03T08:00:00.000Z',
  valid_from: '2025-03-03T00:00:00.000+08:00',
  valid_until: '2025-03-06T00:00:00.000+08:00',
  status: 'granted',
};
