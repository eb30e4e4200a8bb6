/**
 * The conflict inbox as the sync screen uses it: the engine's inbox (electron/sync/conflicts.ts)
 * plus a field-by-field comparison of the sides and a resolution composed here from the stored
 * revisions — the screen names sides and fields, it never sends a document body.
 */
import { isDeepStrictEqual } from 'node:util';
import { ApiFailure } from '../../shared/api';
import type { ConflictChoice, ConflictDetailView } from '../../shared/api/sync';
import type { DocumentQueries } from '../../db/queries';
import type { DocumentStoreApi } from '../../db/store/types';
import { documentRegistry } from '../../shared/docs';
import { ConflictChangedError, ImmutableConflictError, inboxTypes, listConflicts, resolveConflict, showConflict, type ConflictDetail } from '../sync';
import type { AuditTrail } from './audit-trail';

/** Record keeping: shown for context, never picked by hand (the resolution stamps its own). */
const META_FIELDS = new Set(['type', 'schema_version', 'clinic_code', 'created_at', 'created_by', 'updated_at', 'updated_by', '_attachments']);
/** Shown only as "set"; still chosen like any other field. */
const SECRET_FIELDS = new Set(['password_hash', 'patient_id_key']);

const str = (value: unknown): string | null => (typeof value === 'string' && value.length > 0 ? value : null);

/** The type's label and the document's caption, both as the registry declares them. */
export function conflictLabel(type: string, body: Readonly<Record<string, unknown>>): string {
  const kind = documentRegistry.label(type);
  const caption = documentRegistry.get(type)?.caption?.(body) ?? '';
  // A caption in brackets follows the label directly, as Chinese writes it: 本院设置（…）.
  return caption.startsWith('（') ? `${kind}${caption}` : `${kind} ${caption}`.trim();
}

const isImmutable = (type: string): boolean => documentRegistry.get(type)?.conflicts === 'immutable';
const isInInbox = (type: string): boolean => inboxTypes().includes(type);

/** A field's value in a few plain words: lists joined by 、, objects as 名=值. */
export function displayValue(value: unknown): string {
  if (value === null || value === undefined) return '（空）';
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (typeof value === 'string') return value === '' ? '（空）' : value;
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return value.length === 0 ? '（无）' : value.map(displayValue).join('、');
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    return entries.length === 0 ? '（无）' : entries.map(([k, v]) => `${k}=${displayValue(v)}`).join('，');
  }
  return String(value);
}

export function conflictSummaries(store: DocumentStoreApi, index: Pick<DocumentQueries, 'conflicted'>) {
  return listConflicts(store, inboxTypes(), index).map((c) => {
    const winner = store.get(c.id) ?? { _id: c.id, _rev: c.winnerRev };
    return { id: c.id, type: c.type, label: conflictLabel(c.type, winner), winnerRev: c.winnerRev, conflictRevs: [...c.conflictRevs] };
  });
}

function sidesOf(detail: ConflictDetail) {
  return [detail.winner, ...detail.others];
}

export function conflictDetailView(detail: ConflictDetail): ConflictDetailView {
  const sides = sidesOf(detail);
  const immutable = isImmutable(detail.type);
  const names: string[] = [];
  for (const side of sides) for (const key of Object.keys(side.body)) if (!names.includes(key)) names.push(key);
  const fields = names.map((name) => {
    const raw = sides.map((side) => (Object.hasOwn(side.body, name) ? side.body[name] : undefined));
    const differs = raw.some((value) => !isDeepStrictEqual(value, raw[0]));
    const values = raw.map((value) => (value === undefined ? null : SECRET_FIELDS.has(name) ? '已设置（不显示）' : displayValue(value)));
    // Nothing of an immutable document is picked field by field: only its winner can be kept.
    return { name, pickable: !immutable && !META_FIELDS.has(name) && !name.startsWith('_'), differs, values };
  });
  // Differing fields first, so the person sees at once what the two places disagree on.
  fields.sort((a, b) => Number(b.differs) - Number(a.differs));
  return {
    id: detail.id,
    type: detail.type,
    label: conflictLabel(detail.type, detail.winner.body),
    seenRevs: sides.map((s) => s.rev),
    sides: sides.map((side, i) => ({ rev: side.rev, winner: i === 0, updatedAt: str(side.body.updated_at), updatedBy: str(side.body.updated_by) })),
    fields,
  };
}

const GONE = '这条记录已经没有冲突了（可能已在别的电脑上处理），请刷新冲突列表。';

export function showConflictView(store: DocumentStoreApi, id: string): ConflictDetailView {
  const detail = showConflict(store, id);
  if (!detail || !isInInbox(detail.type)) throw new ApiFailure('NOT_FOUND', GONE);
  return conflictDetailView(detail);
}

/** The body a choice stands for: one side whole, or a base side with some fields from others. */
export function composeResolution(
  detail: ConflictDetail,
  choice: ConflictChoice,
): { kind: 'keep'; rev: string } | { kind: 'merge'; body: Record<string, unknown> } {
  const sides = sidesOf(detail);
  const sideOf = (rev: string, path: string) => {
    const side = sides.find((s) => s.rev === rev);
    if (!side) throw new ApiFailure('CONFLICT', '所选的版本已经不在了，请重新打开这条冲突记录。', [{ path, message: '这个版本已经不在了' }]);
    return side;
  };
  if (choice.kind === 'keep') return { kind: 'keep', rev: sideOf(choice.rev, 'choice.rev').rev };
  const base = sideOf(choice.base, 'choice.base');
  const body: Record<string, unknown> = { ...base.body };
  for (const [field, rev] of Object.entries(choice.picks)) {
    if (META_FIELDS.has(field) || field.startsWith('_')) {
      throw new ApiFailure('VALIDATION_FAILED', `“${field}”是记录信息，不能逐项选择。`, [{ path: `choice.picks.${field}`, message: '这一项不能选择' }]);
    }
    const side = sideOf(rev, `choice.picks.${field}`);
    if (Object.hasOwn(side.body, field)) body[field] = side.body[field];
    else delete body[field];
  }
  return isDeepStrictEqual(body, base.body) ? { kind: 'keep', rev: base.rev } : { kind: 'merge', body };
}

export interface ResolveInput {
  readonly id: string;
  readonly seenRevs: ReadonlyArray<string>;
  readonly choice: ConflictChoice;
}

/**
 * Resolves and records it: the new revision and the closing of the other branches (which replicate
 * like any edit) and an audit event naming the revisions, all in one transaction.
 */
export function resolveConflictFor(store: DocumentStoreApi, audit: AuditTrail, input: ResolveInput, actor: string, now = new Date()) {
  return store.transaction(() => {
    const detail = showConflict(store, input.id);
    if (!detail || !isInInbox(detail.type)) throw new ApiFailure('NOT_FOUND', GONE);
    const resolution = composeResolution(detail, input.choice);
    let resolved;
    try {
      resolved = resolveConflict(store, {
        id: input.id,
        seenRevs: input.seenRevs,
        resolution,
        stamp: { updated_at: now.toISOString(), updated_by: actor },
      });
    } catch (error) {
      if (error instanceof ConflictChangedError) throw new ApiFailure('CONFLICT', error.message);
      if (error instanceof ImmutableConflictError) throw new ApiFailure('VALIDATION_FAILED', error.message, [{ path: 'choice', message: '只能保留当前版本' }]);
      if (error instanceof Error && error.message.startsWith('保存冲突处理结果失败')) throw new ApiFailure('VALIDATION_FAILED', error.message);
      throw error;
    }
    audit.append({
      actor,
      action: 'sync.conflict.resolved',
      outcome: 'ok',
      targetIds: [input.id],
      detail: JSON.stringify({
        previousWinner: resolved.previousWinner,
        chosen: resolved.chosen,
        newRev: resolved.newRev,
        closedRevs: resolved.closedRevs,
        ...(input.choice.kind === 'fields' ? { base: input.choice.base, picks: input.choice.picks } : {}),
      }),
    });
    return { id: resolved.id, newRev: resolved.newRev, chosen: resolved.chosen, closedRevs: [...resolved.closedRevs] };
  });
}
