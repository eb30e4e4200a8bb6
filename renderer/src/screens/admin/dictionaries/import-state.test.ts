import { describe, expect, it } from 'vitest';
import { importReducer, initialImport, type ImportState } from './import-state';

const error = { code: 'VALIDATION_FAILED', message: '文件是空的' } as const;

describe('the import steps', () => {
  it('goes choose → checking → preview → saving → choose with a notice', () => {
    let state: ImportState<string> = initialImport;
    state = importReducer(state, { type: 'check' });
    expect(state.step).toBe('checking');
    state = importReducer(state, { type: 'checked', preview: 'p' });
    expect(state).toEqual({ step: 'preview', preview: 'p', error: null });
    state = importReducer(state, { type: 'apply' });
    expect(state).toEqual({ step: 'saving', preview: 'p' });
    expect(importReducer(state, { type: 'applied', notice: '已导入' })).toEqual({ step: 'choose', error: null, notice: '已导入' });
  });

  it('keeps the preview when the apply fails, and goes back to choosing when the check fails', () => {
    const saving: ImportState<string> = { step: 'saving', preview: 'p' };
    expect(importReducer(saving, { type: 'failed', error })).toEqual({ step: 'preview', preview: 'p', error });
    expect(importReducer<string>({ step: 'checking' }, { type: 'failed', error })).toEqual({ step: 'choose', error, notice: null });
    expect(importReducer<string>({ step: 'checking' }, { type: 'apply' })).toEqual({ step: 'checking' });
  });
});
