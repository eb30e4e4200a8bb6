import { describe, expect, it } from 'vitest';
import type { ApiError } from '../../../../shared/api';
import { formReducer, initialFormState, type FormAction, type FormState } from './form-state';

interface Draft {
  readonly name: string;
  readonly code: string;
  readonly outpatient: boolean;
}

const EMPTY: Draft = { name: '', code: '', outpatient: true };
const refused: ApiError = { code: 'DUPLICATE', message: '科室编码 03 已经有了' };
const run = (actions: ReadonlyArray<FormAction<Draft>>, start: FormState<Draft> = initialFormState(EMPTY)) => actions.reduce(formReducer<Draft>, start);

describe('form state', () => {
  it('applies a change and clears only the errors of the fields it touches', () => {
    const state = run([
      { type: 'showErrors', errors: { name: '请填写科室名称', code: '请填写科室编码' } },
      { type: 'edit', patch: { code: '03' }, fields: ['code'] },
    ]);
    expect(state.draft).toEqual({ name: '', code: '03', outpatient: true });
    expect(state.errors).toEqual({ name: '请填写科室名称' });
  });

  it('keeps what was typed after a refused save, with the message at the field and for the form', () => {
    const state = run([
      { type: 'edit', patch: { name: '内科', code: '03' }, fields: ['name', 'code'] },
      { type: 'saveStarted' },
      { type: 'saveFailed', error: refused, errors: { code: refused.message } },
    ]);
    expect(state).toMatchObject({ draft: { name: '内科', code: '03' }, saving: false, error: refused, errors: { code: refused.message } });
    expect(run([{ type: 'dismissError' }], state).error).toBeNull();
  });

  it('starts again from the given draft after a save, saying what was done; the next attempt clears that line', () => {
    const saved = run([
      { type: 'edit', patch: { name: '内科' }, fields: ['name'] },
      { type: 'saveStarted' },
      { type: 'saved', draft: EMPTY, notice: '已添加科室 内科' },
    ]);
    expect(saved).toEqual({ draft: EMPTY, errors: {}, error: null, saving: false, notice: '已添加科室 内科' });
    expect(run([{ type: 'saveStarted' }], saved)).toMatchObject({ saving: true, notice: null });
    expect(run([{ type: 'showErrors', errors: { name: '请填写科室名称' } }], saved).notice).toBeNull();
    expect(run([{ type: 'edit', patch: { name: '外' }, fields: ['name'] }], saved).notice).toBeNull();
    expect(run([{ type: 'edit', patch: { name: '外' }, fields: ['name'], keepNotice: true }], saved).notice).toBe('已添加科室 内科');
  });
});
