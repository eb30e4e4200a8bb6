import { sql } from 'drizzle-orm';
import type { ClinicOrm } from '../orm';

/** One month of lending: electronic grants approved and paper folders lent that month. */
export interface LendingMonth {
  /** `2026-03` */
  readonly month: string;
  readonly grants: number;
  readonly paperLoans: number;
}

export interface LendingStats {
  readonly months: LendingMonth[];
  /** Paper folders out past their due date at `range.today` (逾期未还). */
  readonly overdue: number;
  /** Paper folders out at all at `range.today`. */
  readonly out: number;
}

/**
 * Loans per month and the overdue count, for the record room's statistics (借阅与逾期). `from` and
 * `to` are inclusive clinic dates; months are taken from the stored ISO times' first 7 characters,
 * which are UTC: a loan in the first eight hours of a month in China counts for the month before.
 * Every month of the range is listed, empty ones with zeros, so a chart has no gaps.
 */
export function lendingStats(db: ClinicOrm, range: { readonly from: string; readonly to: string; readonly today: string }): LendingStats {
  const fromIso = `${range.from}T00:00:00.000Z`;
  const toIso = `${range.to}T23:59:59.999Z`;
  const counted = db.all<{ month: string; kind: string; n: number }>(sql`
    SELECT substr(approved_at, 1, 7) AS month, 'grant' AS kind, count(*) AS n FROM access_grants
      WHERE approved_at BETWEEN ${fromIso} AND ${toIso} GROUP BY month
    UNION ALL
    SELECT substr(lent_at, 1, 7) AS month, 'paper' AS kind, count(*) AS n FROM paper_loans
      WHERE lent_at BETWEEN ${fromIso} AND ${toIso} GROUP BY month`);
  const [{ overdue, out }] = db.all<{ overdue: number; out: number }>(sql`
    SELECT coalesce(sum(due_date < ${range.today}), 0) AS overdue, count(*) AS out FROM paper_loans WHERE status = 'out'`);
  const months = monthsBetween(range.from, range.to).map((month) => ({
    month,
    grants: counted.find((row) => row.month === month && row.kind === 'grant')?.n ?? 0,
    paperLoans: counted.find((row) => row.month === month && row.kind === 'paper')?.n ?? 0,
  }));
  return { months, overdue, out };
}

function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  let [year, month] = from.split('-').map(Number);
  const [endYear, endMonth] = to.split('-').map(Number);
  while (year < endYear || (year === endYear && month <= endMonth)) {
    months.push(`${year}-${String(month).padStart(2, '0')}`);
    month += 1;
    if (month > 12) [year, month] = [year + 1, 1];
  }
  return months;
}
