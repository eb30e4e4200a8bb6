import { describe, expect, it } from 'vitest';
import type { ApiError } from '../../../../shared/api';
import { initialRowActions, rowActionsReducer, type RowActionsAction, type RowActionsState } from './row-actions-state';

type Kind = 'edit' | 'stop';
const refused: ApiError = { code: 'VALIDATION_FAILED', message: '不能停用自己正在使用的账号。' };
const run = (actions: ReadonlyArray<RowActionsAction<Kind>>, start: RowActionsState<Kind> = initialRowActions<Kind>()) =>
  actions.reduce(rowActionsReducer<Kind>, start);

describe('admin row actions', () => {
  it('opens one editor at a time, and a saved editor closes saying what it did', () => {
    const state = run([
      { type: 'opened', key: '03', kind: 'edit' },
      { type: 'opened', key: '07', kind: 'stop' },
    ]);
    expect(state.open).toEqual({ key: '07', kind: 'stop' });
    expect(run([{ type: 'done', notice: '已停用科室：儿科（07）' }], state)).toMatchObject({ open: null, notice: '已停用科室：儿科（07）' });
    expect(run([{ type: 'closed' }], state).open).toBeNull();
  });

  it('keeps a one-click refusal at its row until dismissed or another action starts', () => {
    const failed = run([
      { type: 'started', key: 'admin' },
      { type: 'failed', key: 'admin', error: refused },
    ]);
    expect(failed).toMatchObject({ busy: null, failed: { key: 'admin', error: refused } });
    expect(run([{ type: 'dismissFailure' }], failed).failed).toBeNull();
    expect(run([{ type: 'opened', key: 'lisi', kind: 'edit' }], failed).failed).toBeNull();
    expect(
      run(
        [
          { type: 'started', key: 'lisi' },
          { type: 'succeeded', notice: '已启用' },
        ],
        failed,
      ),
    ).toEqual({
      open: null,
      notice: '已启用',
      failed: null,
      busy: null,
    });
  });
});
