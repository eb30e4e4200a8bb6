import type { ApiError } from '../../../../shared/api';
import { missingCase } from '../../../../shared/missing-case';

/** Which row has which editor (or question) open under it. */
export interface OpenEditor<Kind extends string> {
  readonly key: string;
  readonly kind: Kind;
}

/** The state of an admin list's row actions: at most one editor open, the last notice, a failure kept at its row. */
export interface RowActionsState<Kind extends string> {
  readonly open: OpenEditor<Kind> | null;
  readonly notice: string | null;
  readonly failed: { readonly key: string; readonly error: ApiError } | null;
  /** The row whose one-click change is under way. */
  readonly busy: string | null;
}

export type RowActionsAction<Kind extends string> =
  | { readonly type: 'opened'; readonly key: string; readonly kind: Kind }
  | { readonly type: 'closed' }
  /** An editor saved (or had nothing to save): it closes and says what it did. */
  | { readonly type: 'done'; readonly notice: string }
  | { readonly type: 'started'; readonly key: string }
  | { readonly type: 'succeeded'; readonly notice: string }
  | { readonly type: 'failed'; readonly key: string; readonly error: ApiError }
  | { readonly type: 'dismissFailure' };

export function initialRowActions<Kind extends string>(): RowActionsState<Kind> {
  return { open: null, notice: null, failed: null, busy: null };
}

export function rowActionsReducer<Kind extends string>(state: RowActionsState<Kind>, action: RowActionsAction<Kind>): RowActionsState<Kind> {
  switch (action.type) {
    case 'opened':
      return { ...state, open: { key: action.key, kind: action.kind }, notice: null, failed: null };
    case 'closed':
      return { ...state, open: null };
    case 'done':
      return { ...state, open: null, notice: action.notice };
    case 'started':
      return { open: null, notice: null, failed: null, busy: action.key };
    case 'succeeded':
      return { ...state, busy: null, notice: action.notice };
    case 'failed':
      return { ...state, busy: null, failed: { key: action.key, error: action.error } };
    case 'dismissFailure':
      return { ...state, failed: null };
    default:
      return missingCase(action);
  }
}
