import { describe, expect, it } from 'vitest';
import { applyVisitPatch, visitTransition, type VisitEvent, type VisitState } from './visit-state';

const at = '2025-03-01T08:00:00.000Z';
const by = (kind: Exclude<VisitEvent['kind'], 'complete'>, doctor = 'li.ming'): VisitEvent => ({ kind, doctor, at });
const complete = (note: { signed: boolean; diagnosisCount: number } | null, doctor = 'li.ming'): VisitEvent => ({ kind: 'complete', doctor, at, note });

function run(state: VisitState, event: VisitEvent): VisitState {
  const result = visitTransition(state, event);
  if (!result.ok) throw new Error(result.reason);
  const body = applyVisitPatch(
    { status: state.status, passed_at: state.passedAt, call_count: state.callCount, doctor_username: state.doctorUsername },
    result.patch,
  );
  return { status: body.status, passedAt: body.passed_at, callCount: body.call_count, doctorUsername: body.doctor_username };
}

describe('the visit state machine', () => {
  it('walks 候诊 → 就诊中 → 已就诊 with recall on the way', () => {
    let state: VisitState = { status: 'waiting' };
    state = run(state, by('call'));
    expect(state).toMatchObject({ status: 'in_progress', doctorUsername: 'li.ming', callCount: 1 });
    state = run(state, by('recall'));
    expect(state.callCount).toBe(2);
    state = run(state, complete({ signed: true, diagnosisCount: 1 }));
    expect(state.status).toBe('completed');
  });

  it('sets a passed patient aside until put back, then calls them again', () => {
    let state = run({ status: 'waiting' }, by('call'));
    state = run(state, by('pass'));
    expect(state).toMatchObject({ status: 'waiting', passedAt: at });
    expect(visitTransition(state, by('call'))).toEqual({ ok: false, reason: '这位患者已过号，请先按“回队”让他回到候诊队列。' });
    state = run(state, by('put_back'));
    expect(state.passedAt).toBeUndefined();
    expect(run(state, by('call')).status).toBe('in_progress');
  });

  it('completes only with a note that is signed and has a diagnosis', () => {
    const open: VisitState = { status: 'in_progress', doctorUsername: 'li.ming' };
    expect(visitTransition(open, complete(null))).toMatchObject({ ok: false, reason: expect.stringContaining('还没有写门诊病历') });
    expect(visitTransition(open, complete({ signed: true, diagnosisCount: 0 }))).toMatchObject({ ok: false, reason: expect.stringContaining('诊断') });
    expect(visitTransition(open, complete({ signed: false, diagnosisCount: 2 }))).toMatchObject({ ok: false, reason: expect.stringContaining('签名') });
    expect(visitTransition(open, complete({ signed: true, diagnosisCount: 1 }, 'zhang.san'))).toMatchObject({ ok: false });
  });

  it('refuses every move out of the wrong state', () => {
    for (const status of ['completed', 'cancelled'] as const) {
      for (const kind of ['call', 'recall', 'pass', 'put_back'] as const) expect(visitTransition({ status }, by(kind)).ok).toBe(false);
      expect(visitTransition({ status }, complete({ signed: true, diagnosisCount: 1 })).ok).toBe(false);
    }
    expect(visitTransition({ status: 'waiting' }, by('recall')).ok).toBe(false);
    expect(visitTransition({ status: 'waiting' }, by('put_back')).ok).toBe(false);
    expect(visitTransition({ status: 'in_progress', doctorUsername: 'zhang.san' }, by('pass')).ok).toBe(false);
  });
});
