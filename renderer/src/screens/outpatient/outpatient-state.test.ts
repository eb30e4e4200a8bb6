import { describe, expect, it } from 'vitest';
import type { ChartView } from '../../../../shared/api';
import { EXAMPLE_OUTPATIENT_NOTE } from '../../../../shared/docs/examples';
import { addDiagnosis, contentOfForm, copyEarlierNote, removeDiagnosis } from './note-form';
import { INITIAL_OUTPATIENT_STATE, noteEditable, outpatientReducer, type OutpatientAction, type OutpatientState } from './outpatient-state';

const visit = { id: 'encounter:01JQ0000000000000000000001', status: 'in_progress', doctor: { username: 'li.ming', displayName: '李明' } } as ChartView['visit'];
const chart = (extra: Partial<ChartView> = {}): ChartView =>
  ({
    visit,
    banner: { id: 'p', name: '王芳', sexLabel: '女', ageText: '45岁', allergies: [], feeCategory: '自费', chronicConditions: [] },
    note: null,
    prescriptions: [],
    draft: null,
    ...extra,
  }) as ChartView;
const run = (actions: OutpatientAction[], state: OutpatientState = INITIAL_OUTPATIENT_STATE) => actions.reduce(outpatientReducer, state);

describe('the outpatient screen state', () => {
  it('opens a visit from its autosaved draft when there is one, else from its note', () => {
    const draft = { savedAt: '2025-03-01T08:06:00.000Z', content: { text: { chief_complaint: '草稿里的主诉' } } };
    const fromDraft = run([
      { type: 'select', id: visit.id },
      { type: 'chartLoaded', chart: chart({ draft }) },
    ]);
    expect(fromDraft.form.text.chief_complaint).toBe('草稿里的主诉');
    expect(fromDraft.draftSavedAt).toBe(draft.savedAt);
    const note = {
      id: EXAMPLE_OUTPATIENT_NOTE._id,
      rev: '1-a',
      status: 'draft' as const,
      visitAt: '2025-03-01T08:00:00.000Z',
      doctor: '李明',
      content: EXAMPLE_OUTPATIENT_NOTE as never,
    };
    expect(
      run([
        { type: 'select', id: visit.id },
        { type: 'chartLoaded', chart: chart({ note }) },
      ]).form.text.chief_complaint,
    ).toBe('头晕 3 天');
  });

  it('ignores a chart that arrives for a visit no longer selected', () => {
    const state = run([
      { type: 'select', id: 'encounter:01JQ0000000000000000000009' },
      { type: 'chartLoaded', chart: chart() },
    ]);
    expect(state.chart).toBeNull();
  });

  it('counts edits for the autosave and clears the count when the draft is written', () => {
    let state = run([
      { type: 'select', id: visit.id },
      { type: 'chartLoaded', chart: chart() },
      { type: 'text', field: 'chief_complaint', value: '咳嗽' },
    ]);
    expect(state.editVersion).toBeGreaterThan(state.draftVersion);
    state = outpatientReducer(state, { type: 'draftSaved', version: state.editVersion, savedAt: '2025-03-01T08:07:00.000Z' });
    expect(state.editVersion).toBe(state.draftVersion);
    expect(noteEditable(state, 'li.ming')).toBe(true);
    expect(noteEditable(state, 'zhang.san')).toBe(false);
  });

  it('marks copied parts until each is proofread, and a copy never replaces diagnoses already written', () => {
    const source = { ...EXAMPLE_OUTPATIENT_NOTE, onset_date: undefined } as never;
    let state = run([
      { type: 'select', id: visit.id },
      { type: 'chartLoaded', chart: chart() },
    ]);
    state = outpatientReducer(state, { type: 'form', form: copyEarlierNote(state.form, EXAMPLE_OUTPATIENT_NOTE._id, source) });
    expect(state.form.copyMarks.map((m) => m.field)).toEqual(['chief_complaint', 'present_illness', 'allergy_history', 'physical_exam', 'plan']);
    state = outpatientReducer(state, { type: 'proofread', field: 'plan' });
    expect(state.form.copyMarks.filter((m) => m.proofread).map((m) => m.field)).toEqual(['plan']);
    expect(state.form.diagnoses).toHaveLength(1);
  });

  it('keeps one primary diagnosis as diagnoses come and go, and refuses impossible vitals before saving', () => {
    let form = addDiagnosis(INITIAL_OUTPATIENT_STATE.form, {
      code: 'I10.x00',
      code_system: 'ICD-10',
      version: '医保版2.0',
      name: '高血压',
      certainty: 'confirmed',
    });
    form = addDiagnosis(form, { code: 'E11.900', code_system: 'yb2', version: '2.0', name: '2型糖尿病', certainty: 'suspected' });
    expect(form.diagnoses.map((d) => d.position)).toEqual(['primary', 'secondary']);
    form = removeDiagnosis(form, 'I10.x00');
    expect(form.diagnoses.map((d) => [d.code, d.position])).toEqual([['E11.900', 'primary']]);
    const bad = contentOfForm({ ...form, vitals: { ...form.vitals, temperature: '368', pulse: 'x' } });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(Object.keys(bad.errors).sort()).toEqual(['vitals.pulse', 'vitals.temperature']);
    expect(contentOfForm({ ...form, vitals: { ...form.vitals, temperature: '36.8' } })).toMatchObject({ ok: true, content: { vitals: { temperature: 36.8 } } });
  });
});
