import { describe, expect, it } from 'vitest';
import { INITIAL_SEARCH, searchInput, searchReducer } from './search-state';

describe('病案查询 state', () => {
  it('keeps the form, leaves empty fields out of the request, and toggles the opened row', () => {
    let state = searchReducer(INITIAL_SEARCH, { type: 'edit', field: 'text', value: '肺炎' });
    state = searchReducer(state, { type: 'edit', field: 'qcGrade', value: '甲' });
    expect(searchInput(state.form)).toEqual({ text: '肺炎', patient: '', caseNumber: '', diagnosis: '', qcGrade: '甲' });
    state = searchReducer(state, { type: 'searching' });
    expect(state.searching).toBe(true);
    state = searchReducer(state, { type: 'answered', results: [], more: false });
    expect(state).toMatchObject({ searching: false, results: [], opened: null });
    state = searchReducer(state, { type: 'open', recordId: 'outpatient_note:1' });
    expect(state.opened).toBe('outpatient_note:1');
    expect(searchReducer(state, { type: 'open', recordId: 'outpatient_note:1' }).opened).toBeNull();
  });
});
