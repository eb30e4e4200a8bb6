import type { ApiError } from '../../../../shared/api';
import type { ConflictDetailView } from '../../../../shared/api/sync';
import { missingCase } from '../../../../shared/missing-case';
import type { FieldPicks } from './conflict-picks';

/** One conflict opened: both versions, the fields picked so far, a save under way, the last refusal. */
export interface ConflictDetailState {
  readonly detail: ConflictDetailView | null;
  readonly picks: FieldPicks;
  readonly error: ApiError | null;
  readonly saving: boolean;
}

export type ConflictDetailAction =
  | { readonly type: 'read'; readonly detail: ConflictDetailView }
  | { readonly type: 'pick'; readonly field: string; readonly side: number }
  | { readonly type: 'saveStarted' }
  | { readonly type: 'failed'; readonly error: ApiError }
  | { readonly type: 'dismissError' };

export const INITIAL_CONFLICT_DETAIL: ConflictDetailState = { detail: null, picks: {}, error: null, saving: false };

export function conflictDetailReducer(state: ConflictDetailState, action: ConflictDetailAction): ConflictDetailState {
  switch (action.type) {
    case 'read':
      // Fresh versions: earlier picks may name fields that no longer differ.
      return { ...state, detail: action.detail, picks: {} };
    case 'pick':
      return { ...state, picks: { ...state.picks, [action.field]: action.side } };
    case 'saveStarted':
      return { ...state, saving: true };
    case 'failed':
      return { ...state, saving: false, error: action.error };
    case 'dismissError':
      return { ...state, error: null };
    default:
      return missingCase(action);
  }
}
