/**
 * 纸质病案借出 (REGULATIONS.md AR-15): the lending desk scans a folder's label (`BA-<病案号>`, the
 * barcode reader classifies it as `archive_case`) or types the number; a folder that is in is lent,
 * a folder that is out is returned by scanning it again. 逾期未还 is every folder still out past its
 * due date, computed from the clinic's today when the list is read.
 */
import { monotonicFactory } from 'ulid';
import type { LoanView } from '../../../shared/api/custody';
import { ApiFailure } from '../../../shared/api/errors';
import { lendingCaseNumber, type LendingPurpose, type PaperLoanDoc } from '../../../shared/docs';
import { clinicDate, clinicDateTime } from '../../../shared/time/clinic-time';
import type { PaperLoanRow } from '../../../db/queries';
import type { Actor } from '../sessions';
import { caseNotFound, seesSealed, staffOf, stampOf, writeOne, type CustodyContext } from './context';
import { checkLoanPeriod } from './lending-rules';

const nextUlid = monotonicFactory();
const FOLDER_PREFIX = 'BA-';
const DAY_MS = 86_400_000;

/** The 病案号 in a scanned label or a typed number. */
export function caseNumberOfFolderCode(code: string): string {
  const text = code.trim();
  const caseNumber = text.toUpperCase().startsWith(FOLDER_PREFIX) ? text.slice(FOLDER_PREFIX.length) : text;
  if (!lendingCaseNumber.safeParse(caseNumber).success)
    throw new ApiFailure('VALIDATION_FAILED', `“${text}”不是病案袋条码或病案号。病案袋条码以 BA- 开头，例如 BA-xz01-2026-W03-00017。`, [
      { path: 'code', message: '不是病案袋条码或病案号' },
    ]);
  return caseNumber;
}

function loanView(row: PaperLoanRow, rev: string, today: string): LoanView {
  const overdue = row.status === 'out' && row.dueDate < today ? Math.round((Date.parse(today) - Date.parse(row.dueDate)) / DAY_MS) : 0;
  return {
    id: row.id,
    rev,
    caseNumber: row.caseNumber,
    borrowerName: row.borrowerName,
    borrowerUnit: row.borrowerUnit,
    purpose: row.purpose as LendingPurpose,
    approverName: row.approverName,
    lentAt: row.lentAt,
    lentBy: row.lentBy,
    dueDate: row.dueDate,
    returnedAt: row.returnedAt,
    overdueDays: overdue,
  };
}

/** A case the user may see: archived here, and not sealed unless the user holds archive.seal. */
function visibleCase(ctx: CustodyContext, actor: Actor, caseNumber: string): boolean {
  return ctx.cases.caseOf(caseNumber) !== null && (seesSealed(actor) || !ctx.isSealed(caseNumber));
}

export function paperLoans(ctx: CustodyContext, actor: Actor, outOnly: boolean): { today: string; loans: LoanView[]; overdue: LoanView[] } {
  const today = clinicDate(ctx.now, ctx.zone);
  const shown = (row: PaperLoanRow) => seesSealed(actor) || !ctx.isSealed(row.caseNumber);
  const view = (row: PaperLoanRow) => loanView(row, ctx.data.store.get(row.id)?._rev ?? '', today);
  return {
    today,
    loans: ctx.data.custody.paperLoans({ outOnly }).filter(shown).map(view),
    overdue: ctx.data.custody.overdueLoans(today).filter(shown).map(view),
  };
}

export function folderStatus(ctx: CustodyContext, actor: Actor, code: string): { caseNumber: string; known: boolean; outstanding: LoanView | null } {
  const caseNumber = caseNumberOfFolderCode(code);
  const known = visibleCase(ctx, actor, caseNumber);
  const row = known ? ctx.data.custody.outstandingLoan(caseNumber) : undefined;
  const today = clinicDate(ctx.now, ctx.zone);
  return { caseNumber, known, outstanding: row ? loanView(row, ctx.data.store.get(row.id)?._rev ?? '', today) : null };
}

export interface LendInput {
  readonly code: string;
  readonly borrowerName: string;
  readonly borrowerUnit: string;
  readonly borrowerPhone: string;
  readonly purpose: LendingPurpose;
  readonly reason: string;
  readonly approverName: string;
  readonly dueDate: string;
}

export function lendFolder(ctx: CustodyContext, actor: Actor, input: LendInput): LoanView {
  const caseNumber = caseNumberOfFolderCode(input.code);
  if (!visibleCase(ctx, actor, caseNumber)) throw caseNotFound(caseNumber);
  if (ctx.isSealed(caseNumber)) throw new ApiFailure('VALIDATION_FAILED', `病案 ${caseNumber} 已封存，封存期间不能借出。`);
  const today = clinicDate(ctx.now, ctx.zone);
  checkLoanPeriod(input.purpose, today, input.dueDate, 'dueDate');
  const doc: PaperLoanDoc = {
    _id: `paper_loan:${nextUlid()}`,
    type: 'paper_loan',
    ...stampOf(ctx, actor),
    case_number: caseNumber,
    borrower: { name: input.borrowerName, unit: input.borrowerUnit, phone: input.borrowerPhone },
    purpose: input.purpose,
    reason: input.reason,
    approver_name: input.approverName,
    lent_at: ctx.now.toISOString(),
    lent_by: staffOf(actor),
    due_date: input.dueDate,
    status: 'out',
  };
  // Checked inside the write's transaction: two lendings of one folder cannot both pass.
  ctx.data.store.transaction(() => {
    const out = ctx.data.custody.outstandingLoan(caseNumber);
    if (out)
      throw new ApiFailure(
        'CONFLICT',
        `病案 ${caseNumber} 已于 ${clinicDateTime(out.lentAt, ctx.zone)} 借给 ${out.borrowerName}，还没有归还；请先扫码归还再借出。`,
      );
    writeOne(ctx.data, doc);
  });
  return loanById(ctx, doc._id, today);
}

export function returnFolder(ctx: CustodyContext, actor: Actor, code: string): LoanView {
  const caseNumber = caseNumberOfFolderCode(code);
  const today = clinicDate(ctx.now, ctx.zone);
  const out = visibleCase(ctx, actor, caseNumber) ? ctx.data.custody.outstandingLoan(caseNumber) : undefined;
  if (!out) throw new ApiFailure('NOT_FOUND', `病案 ${caseNumber} 没有未归还的借出记录（没有借出，或已经归还）。`);
  const stored = ctx.data.store.get(out.id) as unknown as PaperLoanDoc & { _rev: string };
  const at = ctx.now.toISOString();
  writeOne(ctx.data, { ...stored, status: 'returned', returned: { at, received_by: staffOf(actor) }, updated_at: at, updated_by: actor.username });
  return loanById(ctx, out.id, today);
}

function loanById(ctx: CustodyContext, id: string, today: string): LoanView {
  const row = ctx.data.custody.paperLoanById(id);
  if (!row) throw new ApiFailure('NOT_FOUND', '没有找到这条借出记录。');
  return loanView(row, ctx.data.store.get(id)?._rev ?? '', today);
}
