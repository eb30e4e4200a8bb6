import type { ApiError } from '../../../../../shared/api';
import { missingCase } from '../../../../../shared/missing-case';

/**
 * One import's steps: choose a file → preview (checked, nothing saved) → apply, or cancel. Pure,
 * so the order of steps is tested without a DOM.
 */
export type ImportState<P> =
  | { readonly step: 'choose'; readonly error: ApiError | null; readonly notice: string | null }
  | { readonly step: 'checking' }
  | { readonly step: 'preview'; readonly preview: P; readonly error: ApiError | null }
  | { readonly step: 'saving'; readonly preview: P };

export type ImportAction<P> =
  | { readonly type: 'check' }
  | { readonly type: 'checked'; readonly preview: P }
  | { readonly type: 'failed'; readonly error: ApiError }
  | { readonly type: 'apply' }
  | { readonly type: 'applied'; readonly notice: string }
  | { readonly type: 'cancel' };

export const initialImport = { step: 'choose', error: null, notice: null } as const;

export function importReducer<P>(state: ImportState<P>, action: ImportAction<P>): ImportState<P> {
  switch (action.type) {
    case 'check':
      return { step: 'checking' };
    case 'checked':
      return { step: 'preview', preview: action.preview, error: null };
    case 'failed':
      // A failed apply keeps the preview on screen, so the administrator sees what was refused.
      return state.step === 'saving' ? { step: 'preview', preview: state.preview, error: action.error } : { step: 'choose', error: action.error, notice: null };
    case 'apply':
      return state.step === 'preview' ? { step: 'saving', preview: state.preview } : state;
    case 'applied':
      return { step: 'choose', error: null, notice: action.notice };
    case 'cancel':
      return initialImport;
    default:
      return missingCase(action);
  }
}
