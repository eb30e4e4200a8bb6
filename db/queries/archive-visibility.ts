import { eq, sql, type SQL } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { ClinicOrm } from '../orm';
import { caseSeals } from '../schema';

/**
 * The one way every list, count, search and case view leaves out sealed cases (封存) for users
 * without `archive.seal`: a sealed case never shows to them, not even as a count (AR-26–AR-34).
 */

/** Whether the user may see sealed cases (holds `archive.seal`). */
export interface SealVisibility {
  readonly canSeeSealed: boolean;
}

/**
 * A condition keeping rows whose 病案号 (`caseNumber`, a column or an SQL expression) is not sealed;
 * `undefined` (no condition: `and()` skips it) for a user who may see sealed cases.
 */
export function sealedCaseFilter(caseNumber: SQLiteColumn | SQL, visibility: SealVisibility): SQL | undefined {
  if (visibility.canSeeSealed) return undefined;
  return sql`NOT EXISTS (SELECT 1 FROM ${caseSeals} WHERE ${caseSeals.caseNumber} = ${caseNumber} AND ${caseSeals.state} = 'sealed')`;
}

/**
 * The same condition as SQL text, for hand-written statements (full-text search): `caseNumberSql`
 * is the expression naming the 病案号 in that statement, e.g. `c.case_number`. Empty for a user
 * who may see sealed cases, so it can be appended after `WHERE 1` as ` AND …`.
 */
export function sealedCaseSqlText(caseNumberSql: string, visibility: SealVisibility): string {
  if (visibility.canSeeSealed) return '';
  return ` AND NOT EXISTS (SELECT 1 FROM case_seals cs WHERE cs.case_number = ${caseNumberSql} AND cs.state = 'sealed')`;
}

export function isCaseSealed(db: ClinicOrm, caseNumber: string): boolean {
  const row = db.select({ state: caseSeals.state }).from(caseSeals).where(eq(caseSeals.caseNumber, caseNumber)).get();
  return row?.state === 'sealed';
}
