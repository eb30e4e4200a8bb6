import type { ApiError, ApiResult } from '../../../../shared/api';
import { fieldErrorsOf, hasFieldErrors, type FieldErrors } from '../../forms/field-errors';
import type { FormHandle } from '../../ui';

export interface FirstRunStartOptions<D, S> {
  /** The form's own checks; any error stops here with the cursor on it. */
  readonly check: (draft: D) => FieldErrors;
  /** The router call that starts the pull (restore or join). */
  readonly send: (draft: D) => Promise<ApiResult<S>>;
  readonly onStarted: (started: S) => void;
  /** The router refused: the refusal already shows on the form; put the cursor where it can be fixed. */
  readonly onRefused: (error: ApiError) => void;
  /** Puts the cursor on the first field the form's own checks marked. */
  readonly focusFirstInvalid: () => void;
}

/**
 * The 开始 of a first-run pull (从县级服务器恢复, 加入本院): check the form, send it once, then either
 * the pull's progress or the refusal on the form. A second press while the first is in flight is ignored.
 */
export function useFirstRunStart<D, S>(form: FormHandle<D>, options: FirstRunStartOptions<D, S>): () => Promise<void> {
  const { draft, saving, dispatch } = form;
  return async () => {
    if (saving) return;
    const found = options.check(draft);
    dispatch({ type: 'showErrors', errors: found });
    if (hasFieldErrors(found)) return options.focusFirstInvalid();
    dispatch({ type: 'dismissError' });
    dispatch({ type: 'saveStarted' });
    const result = await options.send(draft);
    if (result.ok) {
      dispatch({ type: 'saved', draft, notice: null });
      return options.onStarted(result.value);
    }
    dispatch({ type: 'saveFailed', error: result.error, errors: fieldErrorsOf(result.error) });
    options.onRefused(result.error);
  };
}

/** The cursor to the first field marked invalid inside the form with this test id, once it is drawn. */
export const focusFirstInvalidIn = (formTestId: string) => () =>
  requestAnimationFrame(() => document.querySelector<HTMLElement>(`[data-testid="${formTestId}"] [aria-invalid="true"]`)?.focus());
