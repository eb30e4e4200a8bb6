/**
 * The visit's way through the doctor's room: 候诊 (waiting) → 就诊中 (in_progress) → 已就诊
 * (completed), or 已退号 (cancelled) from 候诊 at the front desk. 叫号 moves a waiting visit in;
 * 重呼 calls the same patient again; 过号 sends a called patient who did not come back to 候诊,
 * set aside (not called next) until 回队 puts them back in line. Pure: the service applies the
 * patch it returns to the encounter document.
 */
import { missingCase } from '../missing-case';

export type VisitStatus = 'waiting' | 'in_progress' | 'completed' | 'cancelled';

export interface VisitState {
  readonly status: VisitStatus;
  /** Set while a called patient is set aside (过号). */
  readonly passedAt?: string;
  readonly callCount?: number;
  readonly doctorUsername?: string;
}

/** What the completion needs to know of the visit's note (REGULATIONS.md WR-07: every record signed). */
export interface NoteReadiness {
  readonly signed: boolean;
  readonly diagnosisCount: number;
}

export type VisitEvent =
  | { readonly kind: 'call'; readonly doctor: string; readonly at: string }
  | { readonly kind: 'recall'; readonly doctor: string; readonly at: string }
  | { readonly kind: 'pass'; readonly doctor: string; readonly at: string }
  | { readonly kind: 'put_back'; readonly doctor: string; readonly at: string }
  | { readonly kind: 'complete'; readonly doctor: string; readonly at: string; readonly note: NoteReadiness | null };

/** The encounter fields an event changes; `null` removes the field. */
export interface VisitPatch {
  readonly status?: VisitStatus;
  readonly doctor_username?: string;
  readonly called_at?: string;
  readonly call_count?: number;
  readonly passed_at?: string | null;
  readonly completed_at?: string;
}

export type VisitTransition = { readonly ok: true; readonly patch: VisitPatch } | { readonly ok: false; readonly reason: string };

const refuse = (reason: string): VisitTransition => ({ ok: false, reason });

const NOT_OPEN: Readonly<Record<VisitStatus, string>> = {
  waiting: '这位患者还在候诊，请先叫号。',
  in_progress: '这位患者正在就诊。',
  completed: '这次就诊已经结束。',
  cancelled: '这个号已经退了。',
};

function calledBySomeoneElse(state: VisitState, doctor: string): boolean {
  return state.status === 'in_progress' && state.doctorUsername !== undefined && state.doctorUsername !== doctor;
}

export function visitTransition(state: VisitState, event: VisitEvent): VisitTransition {
  switch (event.kind) {
    case 'call':
      if (state.status !== 'waiting') return refuse(NOT_OPEN[state.status]);
      if (state.passedAt) return refuse('这位患者已过号，请先按“回队”让他回到候诊队列。');
      return { ok: true, patch: { status: 'in_progress', doctor_username: event.doctor, called_at: event.at, call_count: 1 } };
    case 'recall':
      if (state.status !== 'in_progress') return refuse(NOT_OPEN[state.status]);
      if (calledBySomeoneElse(state, event.doctor)) return refuse('这位患者正由另一位医生接诊。');
      return { ok: true, patch: { called_at: event.at, call_count: (state.callCount ?? 1) + 1 } };
    case 'pass':
      if (state.status !== 'in_progress') return refuse(NOT_OPEN[state.status]);
      if (calledBySomeoneElse(state, event.doctor)) return refuse('这位患者正由另一位医生接诊。');
      return { ok: true, patch: { status: 'waiting', passed_at: event.at } };
    case 'put_back':
      if (state.status !== 'waiting' || !state.passedAt) return refuse('只有过号的患者才能回队。');
      return { ok: true, patch: { passed_at: null } };
    case 'complete':
      if (state.status !== 'in_progress') return refuse(NOT_OPEN[state.status]);
      if (calledBySomeoneElse(state, event.doctor)) return refuse('这位患者正由另一位医生接诊，只能由他结束就诊。');
      if (!event.note) return refuse('还没有写门诊病历，不能结束就诊。');
      if (event.note.diagnosisCount === 0) return refuse('病历里还没有诊断，请至少填写一个诊断再结束就诊。');
      if (!event.note.signed) return refuse('门诊病历还没有签名，请签名后再结束就诊。');
      return { ok: true, patch: { status: 'completed', completed_at: event.at } };
    default:
      return missingCase(event);
  }
}

/** Applies a patch to an encounter body: `null` fields are removed. */
export function applyVisitPatch<T extends Record<string, unknown>>(body: T, patch: VisitPatch): T {
  const next: Record<string, unknown> = { ...body };
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete next[key];
    else if (value !== undefined) next[key] = value;
  }
  return next as T;
}
