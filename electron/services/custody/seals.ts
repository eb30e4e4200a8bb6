/**
 * 封存 (REGULATIONS.md AR-26–AR-34, SCENARIOS.md 4). The 封存清单 is generated, printed, checked by
 * both sides; the seal is written only when both have confirmed that exact list (its SM3 digest),
 * and later parts are added as further stages the same way. Opening a seal re-reads every sealed
 * revision and recomputes its digest, so the sealed copy is shown unchanged or said to be altered.
 */
import { monotonicFactory } from 'ulid';
import type { SealDetailView, SealPreviewView, SealView } from '../../../shared/api/custody';
import { ApiFailure, type FieldIssue } from '../../../shared/api/errors';
import { documentRegistry, PATIENT_SIDE_LABELS, patientSide, type PatientSide, type SealDoc, type SealStage } from '../../../shared/docs';
import type { SealRow } from '../../../db/queries';
import type { Actor } from '../sessions';
import { staffOf, stampOf, writeOne, type CustodyContext } from './context';
import { firstStageParts, nextStageParts } from './seal-parts';
import { checkSealedItem, noClaimUnsealDate } from './seal-rules';

const nextUlid = monotonicFactory();

export interface SealConfirmation {
  readonly listSm3: string;
  readonly patientSide?: Partial<PatientSide>;
  readonly patientConfirmed: boolean;
  readonly institutionConfirmed: boolean;
}

export function loadSeal(ctx: CustodyContext, sealId: string): SealDoc & { _rev: string } {
  const stored = ctx.data.store.get(sealId);
  if (!stored || stored.type !== 'seal') throw new ApiFailure('NOT_FOUND', '没有找到这份封存记录。');
  return stored as unknown as SealDoc & { _rev: string };
}

function summaryOf(ctx: CustodyContext, row: SealRow, rev: string): SealView {
  return {
    id: row.id,
    rev,
    patientId: row.patientId,
    caseNumbers: row.caseNumbers.split(' '),
    reason: row.reason,
    sealedAt: row.sealedAt,
    stageCount: row.stageCount,
    itemCount: row.itemCount,
    status: row.status as SealView['status'],
    unsealApproved: row.unsealApprovedAt !== null,
    unsealedAt: row.unsealedAt,
    noClaimUnsealDate: noClaimUnsealDate(row.sealedAt, ctx.zone),
  };
}

export function listSeals(ctx: CustodyContext): SealView[] {
  return ctx.data.custody.seals().map((row) => summaryOf(ctx, row, ctx.data.store.get(row.id)?._rev ?? ''));
}

/** The seal as the 封存 tab opens it: every stage, every sealed revision checked against its digest. */
export function sealDetail(ctx: CustodyContext, sealId: string): SealDetailView {
  const seal = loadSeal(ctx, sealId);
  const stages = seal.stages.map((stage) => ({
    number: stage.number,
    listSm3: stage.list_sm3,
    confirmedAt: stage.institution_side.confirmed_at,
    patientSide: {
      role: stage.patient_side.role,
      roleLabel: PATIENT_SIDE_LABELS[stage.patient_side.role],
      name: stage.patient_side.name,
      idNumber: stage.patient_side.id_number,
    },
    institutionSide: { username: stage.institution_side.username, displayName: stage.institution_side.display_name },
    items: stage.items.map((item) => ({ ...item, label: documentRegistry.label(item.type), check: checkSealedItem(ctx.data.store, item) })),
  }));
  const items = seal.stages.flatMap((stage) => stage.items);
  return {
    id: seal._id,
    rev: seal._rev,
    patientId: seal.patient_id,
    patientName: ctx.data.patients.byId(seal.patient_id)?.name ?? '',
    caseNumbers: [...seal.case_numbers],
    reason: seal.reason,
    sealedAt: seal.sealed_at,
    stageCount: seal.stages.length,
    itemCount: items.length,
    status: seal.status,
    unsealApproved: seal.unseal_approval !== undefined,
    unsealedAt: seal.unsealed?.at ?? null,
    noClaimUnsealDate: noClaimUnsealDate(seal.sealed_at, ctx.zone),
    stages,
    unsealApproval: seal.unseal_approval
      ? { by: seal.unseal_approval.by.display_name, at: seal.unseal_approval.at, reason: seal.unseal_approval.reason }
      : null,
    unsealed: seal.unsealed ? { kind: seal.unsealed.kind, at: seal.unsealed.at, by: seal.unsealed.by.display_name, reason: seal.unsealed.reason } : null,
    intact: stages.every((stage) => stage.items.every((item) => item.check === 'intact')),
    documentIds: [...new Set(items.map((item) => item.id))],
  };
}

/**
 * A stage both sides confirmed, or the refusal saying which confirmation is missing. Nothing is
 * written unless both have confirmed the list now generated (its digest unchanged since they checked it).
 */
function confirmedStage(ctx: CustodyContext, actor: Actor, number: number, preview: SealPreviewView, confirmation: SealConfirmation): SealStage {
  const issues: FieldIssue[] = [];
  const side = patientSide.safeParse(confirmation.patientSide ?? {});
  if (!side.success) for (const issue of side.error.issues) issues.push({ path: `confirmation.patientSide.${issue.path.join('.')}`, message: issue.message });
  if (!confirmation.patientConfirmed) issues.push({ path: 'confirmation.patientConfirmed', message: '患方尚未确认封存清单' });
  if (!confirmation.institutionConfirmed) issues.push({ path: 'confirmation.institutionConfirmed', message: '本院尚未确认封存清单' });
  if (issues.length > 0) {
    const missing = [!confirmation.patientConfirmed || !side.success ? '患方' : null, !confirmation.institutionConfirmed ? '本院' : null]
      .filter(Boolean)
      .join('和');
    throw new ApiFailure('VALIDATION_FAILED', `封存清单须由患方和本院双方确认后才能封存，现在缺少${missing}的确认。没有封存任何内容。`, issues);
  }
  if (confirmation.listSm3 !== preview.listSm3)
    throw new ApiFailure('CONFLICT', '封存清单在双方核对之后有了变化，请重新生成清单，由双方再次核对确认。没有封存任何内容。');
  const at = ctx.now.toISOString();
  const items = preview.items.map(({ label: _label, ...item }) => item);
  return {
    number,
    items,
    list_sm3: preview.listSm3,
    patient_side: { ...(side.data as PatientSide), confirmed_at: at },
    institution_side: { ...staffOf(actor), confirmed_at: at },
  };
}

export function createSeal(
  ctx: CustodyContext,
  actor: Actor,
  input: { caseNumbers: ReadonlyArray<string>; reason: string; confirmation: SealConfirmation },
): SealDetailView {
  const id = `seal:${nextUlid()}`;
  ctx.data.store.transaction(() => {
    const preview = firstStageParts(ctx, input.caseNumbers);
    const stage = confirmedStage(ctx, actor, 1, preview, input.confirmation);
    const doc: SealDoc = {
      _id: id,
      type: 'seal',
      ...stampOf(ctx, actor),
      patient_id: preview.patientId,
      case_numbers: preview.caseNumbers,
      reason: input.reason,
      sealed_at: stage.institution_side.confirmed_at,
      stages: [stage],
      status: 'sealed',
    };
    writeOne(ctx.data, doc);
  });
  return sealDetail(ctx, id);
}

export function addSealStage(ctx: CustodyContext, actor: Actor, input: { sealId: string; confirmation: SealConfirmation }): SealDetailView {
  ctx.data.store.transaction(() => {
    const seal = loadSeal(ctx, input.sealId);
    const stage = confirmedStage(ctx, actor, seal.stages.length + 1, nextStageParts(ctx, seal), input.confirmation);
    writeOne(ctx.data, { ...seal, stages: [...seal.stages, stage], updated_at: ctx.now.toISOString(), updated_by: actor.username });
  });
  return sealDetail(ctx, input.sealId);
}

/** The list for both sides to check: a new seal's first stage, or an existing seal's next one. */
export function sealPreview(ctx: CustodyContext, input: { caseNumbers: ReadonlyArray<string> } | { sealId: string }): SealPreviewView {
  return 'sealId' in input ? nextStageParts(ctx, loadSeal(ctx, input.sealId)) : firstStageParts(ctx, input.caseNumbers);
}
