/**
 * 启封 (REGULATIONS.md AR-30, AR-31): with 医务科's approval and a reason, both sides present; or by
 * the institution alone once 3 years have passed since sealing with no further claim.
 */
import { ApiFailure } from '../../../shared/api/errors';
import type { SealDetailView } from '../../../shared/api/custody';
import type { PatientSide } from '../../../shared/docs';
import type { Actor } from '../sessions';
import { staffOf, writeOne, type CustodyContext } from './context';
import { loadSeal, sealDetail } from './seals';
import { unsealRefusal, type UnsealKind } from './seal-rules';

export function approveUnseal(ctx: CustodyContext, actor: Actor, input: { sealId: string; reason: string }): SealDetailView {
  const seal = loadSeal(ctx, input.sealId);
  if (seal.status === 'unsealed') throw new ApiFailure('VALIDATION_FAILED', '这份封存已经启封，不需要再批准。');
  if (seal.unseal_approval)
    throw new ApiFailure(
      'VALIDATION_FAILED',
      `启封已于 ${seal.unseal_approval.at.slice(0, 10)} 由 ${seal.unseal_approval.by.display_name} 批准，不需要再次批准。`,
    );
  const at = ctx.now.toISOString();
  writeOne(ctx.data, { ...seal, unseal_approval: { by: staffOf(actor), at, reason: input.reason }, updated_at: at, updated_by: actor.username });
  return sealDetail(ctx, input.sealId);
}

export function unseal(
  ctx: CustodyContext,
  actor: Actor,
  input: { sealId: string; kind: UnsealKind; reason: string; patientSide: PatientSide | null },
): SealDetailView {
  const seal = loadSeal(ctx, input.sealId);
  const refusal = unsealRefusal(seal, input.kind, ctx.now, ctx.zone);
  if (refusal !== null) throw new ApiFailure('FORBIDDEN', refusal);
  if (input.kind === 'approved' && input.patientSide === null)
    throw new ApiFailure('VALIDATION_FAILED', '启封须双方在场：请填写到场的患方姓名和证件号码。', [{ path: 'patientSide', message: '请填写到场的患方' }]);
  const at = ctx.now.toISOString();
  writeOne(ctx.data, {
    ...seal,
    status: 'unsealed',
    unsealed: { kind: input.kind, at, by: staffOf(actor), reason: input.reason, patient_side: input.patientSide },
    updated_at: at,
    updated_by: actor.username,
  });
  return sealDetail(ctx, input.sealId);
}
