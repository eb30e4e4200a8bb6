import type { ApiError } from '../../../../shared/api';
import { missingCase } from '../../../../shared/missing-case';
import { NO_FIELD_ERRORS, withoutField, type FieldErrors } from '../../forms/field-errors';

/**
 * Everything a form shows: the draft, the message at each field, the server's message for the
 * whole form, whether a save is under way and the line saying what the last save did.
 */
export interface FormState<D> {
  readonly draft: D;
  readonly errors: FieldErrors;
  readonly error: ApiError | null;
  readonly saving: boolean;
  readonly notice: string | null;
}

export type FormAction<D> =
  /**
   * A change typed by the user; it clears the messages of the fields it touches (and only those), and
   * the line about the last save unless `keepNotice` (an add form keeps "已添加…" while the next is typed).
   */
  | { readonly type: 'edit'; readonly patch: Partial<D>; readonly fields: ReadonlyArray<string>; readonly keepNotice?: boolean }
  | { readonly type: 'showErrors'; readonly errors: FieldErrors }
  | { readonly type: 'saveStarted' }
  /** Refused or failed: the draft stays as typed so nothing has to be typed again. */
  | { readonly type: 'saveFailed'; readonly error: ApiError; readonly errors: FieldErrors }
  /** Saved: `draft` is what the form starts again from (empty for an add form, the saved record for an editor). */
  | { readonly type: 'saved'; readonly draft: D; readonly notice: string | null }
  | { readonly type: 'dismissError' };

export function initialFormState<D>(draft: D): FormState<D> {
  return { draft, errors: NO_FIELD_ERRORS, error: null, saving: false, notice: null };
}

export function formReducer<D>(state: FormState<D>, action: FormAction<D>): FormState<D> {
  switch (action.type) {
    case 'edit':
      return {
        ...state,
        draft: { ...state.draft, ...action.patch },
        errors: action.fields.reduce(withoutField, state.errors),
        notice: action.keepNotice ? state.notice : null,
      };
    case 'showErrors':
      return { ...state, errors: action.errors, notice: null };
    case 'saveStarted':
      return { ...state, saving: true, notice: null };
    case 'saveFailed':
      return { ...state, saving: false, error: action.error, errors: action.errors };
    case 'saved':
      return { draft: action.draft, errors: NO_FIELD_ERRORS, error: null, saving: false, notice: action.notice };
    case 'dismissError':
      return { ...state, error: null };
    default:
      return missingCase(action);
  }
}

/** Keys of D whose values are strings: the fields a TextField or SelectField can edit. */
export type TextKey<D> = { [K in keyof D]: D[K] extends string ? K : never }[keyof D] & string;
/** Keys of D whose values are booleans: the fields a CheckboxField can edit. */
export type FlagKey<D> = { [K in keyof D]: D[K] extends boolean ? K : never }[keyof D] & string;
