/**
 * 电子借阅 (REGULATIONS.md AR-13–AR-15): 医务科 grants a staff member read-only access to archived
 * cases for a purpose and a period; the grant ends by itself when the period is over. Reading a case
 * through a grant is a read call whose audit event names the grant (its id is in the output).
 */
import { monotonicFactory } from 'ulid';
import type { GrantedDocumentView, GrantView } from '../../../shared/api/custody';
import { ApiFailure } from '../../../shared/api/errors';
import type { AccessGrantDoc, LendingPurpose } from '../../../shared/docs';
import { clinicDate } from '../../../shared/time/clinic-time';
import type { AccessGrantRow } from '../../../db/queries';
import type { Actor } from '../sessions';
import { grantedDocumentView } from './case-documents-view';
import { caseNotFound, seesSealed, staffOf, stampOf, writeOne, type CustodyContext } from './context';
import { endOfClinicDay, startOfClinicDay } from './clinic-day';
import { checkLoanPeriod, grantStateAt } from './lending-rules';

const nextUlid = monotonicFactory();

export interface GrantInput {
  readonly grantee: string;
  readonly caseNumbers: ReadonlyArray<string>;
  readonly purpose: LendingPurpose;
  readonly reason: string;
  readonly from: string;
  readonly until: string;
}

function viewOf(row: AccessGrantRow, rev: string, now: Date, visible: (caseNumber: string) => boolean): GrantView {
  return {
    id: row.id,
    rev,
    grantee: { username: row.granteeUsername, displayName: row.granteeName },
    caseNumbers: row.caseNumbers.filter(visible),
    purpose: row.purpose as LendingPurpose,
    reason: row.reason,
    approvedBy: row.approvedByName,
    approvedAt: row.approvedAt,
    validFrom: row.validFrom,
    validUntil: row.validUntil,
    state: grantStateAt({ status: row.status as AccessGrantDoc['status'], valid_from: row.validFrom, valid_until: row.validUntil }, now),
  };
}

/** Grants as a list shows them: sealed cases left out for those who may not see them, and a grant left with none left out too. */
function listed(ctx: CustodyContext, actor: Actor, rows: ReadonlyArray<AccessGrantRow>): GrantView[] {
  const visible = seesSealed(actor) ? () => true : (caseNumber: string) => !ctx.isSealed(caseNumber);
  return rows.map((row) => viewOf(row, ctx.data.store.get(row.id)?._rev ?? '', ctx.now, visible)).filter((view) => view.caseNumbers.length > 0);
}

export function listGrants(ctx: CustodyContext, actor: Actor): GrantView[] {
  return listed(ctx, actor, ctx.data.custody.grants());
}

export function myGrants(ctx: CustodyContext, actor: Actor): GrantView[] {
  return listed(ctx, actor, ctx.data.custody.grants({ grantee: actor.username }));
}

export function grantAccess(ctx: CustodyContext, actor: Actor, input: GrantInput): GrantView {
  const grantee = ctx.data.users.byUsername(input.grantee);
  if (!grantee || !grantee.active)
    throw new ApiFailure('VALIDATION_FAILED', `没有在用的账号 ${input.grantee}，请核对借阅人的登录名。`, [{ path: 'grantee', message: '没有这个在用的账号' }]);
  const caseNumbers = [...new Set(input.caseNumbers)];
  for (const caseNumber of caseNumbers) {
    if (ctx.cases.caseOf(caseNumber) === null) throw caseNotFound(caseNumber);
    if (ctx.isSealed(caseNumber)) throw new ApiFailure('VALIDATION_FAILED', `病案 ${caseNumber} 已封存，封存期间不能借阅。`);
  }
  const today = clinicDate(ctx.now, ctx.zone);
  if (input.from < today)
    throw new ApiFailure('VALIDATION_FAILED', `借阅开始日期 ${input.from} 已经过去，请从今天（${today}）或以后开始。`, [
      { path: 'from', message: '开始日期不能早于今天' },
    ]);
  checkLoanPeriod(input.purpose, input.from, input.until, 'until');
  const at = ctx.now.toISOString();
  const doc: AccessGrantDoc = {
    _id: `access_grant:${nextUlid()}`,
    type: 'access_grant',
    ...stampOf(ctx, actor),
    grantee: { username: grantee.username, display_name: grantee.displayName },
    case_numbers: caseNumbers,
    purpose: input.purpose,
    reason: input.reason,
    approved_by: staffOf(actor),
    approved_at: at,
    valid_from: startOfClinicDay(input.from, ctx.zone),
    valid_until: endOfClinicDay(input.until, ctx.zone),
    status: 'granted',
  };
  writeOne(ctx.data, doc);
  return grantViewById(ctx, actor, doc._id);
}

export function revokeGrant(ctx: CustodyContext, actor: Actor, id: string, reason: string): GrantView {
  const stored = ctx.data.store.get(id);
  if (!stored || stored.type !== 'access_grant') throw new ApiFailure('NOT_FOUND', '没有找到这条借阅授权。');
  const grant = stored as unknown as AccessGrantDoc & { _rev: string };
  const at = ctx.now.toISOString();
  writeOne(ctx.data, { ...grant, status: 'revoked', revoked: { by: staffOf(actor), at, reason }, updated_at: at, updated_by: actor.username });
  return grantViewById(ctx, actor, id);
}

function grantViewById(ctx: CustodyContext, actor: Actor, id: string): GrantView {
  const row = ctx.data.custody.grantById(id);
  if (!row) throw new ApiFailure('NOT_FOUND', '没有找到这条借阅授权。');
  return viewOf(row, ctx.data.store.get(id)?._rev ?? '', ctx.now, seesSealed(actor) ? () => true : (c) => !ctx.isSealed(c));
}

export interface CaseThroughGrant {
  readonly grantId: string;
  readonly caseId: string;
  readonly caseNumber: string;
  readonly validUntil: string;
  readonly documents: GrantedDocumentView[];
}

/**
 * Opens an archived case through the reader's own grant in force now: the frozen revisions, read-only.
 * No grant (none, expired, revoked, not yet begun) → refused; a sealed case is closed to grants.
 */
export function openThroughGrant(ctx: CustodyContext, actor: Actor, caseNumber: string): CaseThroughGrant {
  const grants = ctx.data.custody.grantsInForce(actor.username, caseNumber, ctx.now.toISOString());
  if (grants.length === 0)
    throw new ApiFailure('FORBIDDEN', `您没有查看病案 ${caseNumber} 的有效借阅授权（没有授权、已到期或已收回）。如需查看，请向病案室申请借阅。`);
  if (ctx.isSealed(caseNumber)) throw new ApiFailure('FORBIDDEN', `病案 ${caseNumber} 已封存，借阅暂停；如有疑问请联系医务科。`);
  const archived = ctx.cases.caseOf(caseNumber);
  if (archived === null) throw caseNotFound(caseNumber);
  const grantId = grants[0];
  const grant = ctx.data.custody.grantById(grantId);
  const documents = archived.documents
    .map((ref) => ctx.data.store.get(ref.id, { rev: ref.rev }))
    .filter((doc) => doc !== null)
    .map(grantedDocumentView);
  return { grantId, caseId: archived.docId, caseNumber, validUntil: grant?.validUntil ?? '', documents };
}
