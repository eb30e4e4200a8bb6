/**
 * How long a record may be lent (REGULATIONS.md AR-14, AR-15), and whether a grant is in force.
 * Pure functions of dates and the clock, so the same rule answers the desk, the list and the tests.
 */
import { ApiFailure } from '../../../shared/api/errors';
import { LENDING_PURPOSE_LABELS, type LendingPurpose } from '../../../shared/docs/access-grant';
import { addCalendarDays, addWorkingDays, WEEKENDS_ONLY, type WorkingCalendar } from './working-days';

/**
 * Research and teaching: 3 working days (AR-14). Treatment and other uses: the law sets no period;
 * 30 days keeps every loan time-limited (AC-09) while covering a course of treatment.
 */
export type LoanLimit = { readonly kind: 'working_days'; readonly days: 3 } | { readonly kind: 'calendar_days'; readonly days: 30 };

export function loanLimit(purpose: LendingPurpose): LoanLimit {
  switch (purpose) {
    case 'research':
    case 'teaching':
      return { kind: 'working_days', days: 3 };
    case 'treatment':
    case 'other':
      return { kind: 'calendar_days', days: 30 };
    default:
      return purpose satisfies never;
  }
}

/** The last day a loan of this purpose starting on `start` may run to (inclusive). */
export function latestEndDate(purpose: LendingPurpose, start: string, calendar: WorkingCalendar = WEEKENDS_ONLY): string {
  const limit = loanLimit(purpose);
  return limit.kind === 'working_days' ? addWorkingDays(start, limit.days, calendar) : addCalendarDays(start, limit.days);
}

/**
 * Refuses a period that ends before it starts or runs past the purpose's limit, saying the latest
 * allowed date (`field` names the input field the message belongs to).
 */
export function checkLoanPeriod(purpose: LendingPurpose, start: string, end: string, field: string, calendar: WorkingCalendar = WEEKENDS_ONLY): void {
  if (end < start) throw refusal(field, `归还日期 ${end} 早于借出日期 ${start}，请重新选择。`);
  const latest = latestEndDate(purpose, start, calendar);
  if (end <= latest) return;
  const limit = loanLimit(purpose);
  const label = LENDING_PURPOSE_LABELS[purpose];
  const message =
    limit.kind === 'working_days'
      ? `${label}借阅最长 ${limit.days} 个工作日（周六、周日不算）：${start} 借出，最晚 ${latest} 归还。请把期限改到 ${latest} 或更早。`
      : `${label}借阅最长 ${limit.days} 天：${start} 借出，最晚 ${latest} 归还。请把期限改到 ${latest} 或更早。`;
  throw refusal(field, message);
}

function refusal(field: string, message: string): ApiFailure {
  return new ApiFailure('VALIDATION_FAILED', message, [{ path: field, message }]);
}

export type GrantState = 'pending' | 'active' | 'expired' | 'revoked';
export const GRANT_STATE_LABELS: Readonly<Record<GrantState, string>> = { pending: '未开始', active: '有效', expired: '已到期', revoked: '已收回' };

/**
 * A grant's state at `now`: decided by the clock alone, so it expires by itself, with no job to run
 * and nothing written (a PC that was off over the end date is right the moment it starts).
 */
export function grantStateAt(
  grant: { readonly status: 'granted' | 'revoked'; readonly valid_from: string; readonly valid_until: string },
  now: Date,
): GrantState {
  if (grant.status === 'revoked') return 'revoked';
  const at = now.getTime();
  if (at < Date.parse(grant.valid_from)) return 'pending';
  return at < Date.parse(grant.valid_until) ? 'active' : 'expired';
}
