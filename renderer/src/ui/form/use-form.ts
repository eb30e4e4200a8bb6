import { useReducer, useRef } from 'react';
import type { ApiError } from '../../../../shared/api';
import type { FieldErrors } from '../../forms/field-errors';
import { focusFirstError } from '../../forms/focus-first-error';
import { formReducer, initialFormState, type FlagKey, type FormAction, type FormState, type TextKey } from './form-state';

/**
 * One form's state and its bindings to the toolkit's fields: `text('name')` gives a TextField or
 * SelectField its path, value, change and error; `flag('outpatient')` does the same for a checkbox.
 * Errors are shown with the cursor put in the first field concerned (focus-first-error).
 */
export function useForm<D>(initial: D, options: { readonly keepNoticeWhileTyping?: boolean } = {}) {
  const [state, dispatch] = useReducer(formReducer<D>, initial, initialFormState<D>);
  const formRef = useRef<HTMLFormElement>(null);

  /** Apply a change and clear the errors of the fields it touches. */
  const edit = (patch: Partial<D>, ...fields: string[]) => dispatch({ type: 'edit', patch, fields, keepNotice: options.keepNoticeWhileTyping });

  /** Shows field errors with the cursor in the first field concerned (a disabled 保存 may have lost it). */
  const showErrors = (errors: FieldErrors) => {
    dispatch({ type: 'showErrors', errors });
    focusFirstError(formRef.current, errors);
  };

  const saveFailed = (error: ApiError, errors: FieldErrors) => {
    dispatch({ type: 'saveFailed', error, errors });
    focusFirstError(formRef.current, errors);
  };

  const text = <K extends TextKey<D>>(path: K) => ({
    path,
    value: state.draft[path] as string,
    onChange: (value: string) => edit({ [path]: value } as unknown as Partial<D>, path),
    error: state.errors[path],
  });

  const flag = <K extends FlagKey<D>>(path: K) => ({
    path,
    checked: state.draft[path] as boolean,
    onChange: (checked: boolean) => edit({ [path]: checked } as unknown as Partial<D>, path),
  });

  return { ...state, dispatch: dispatch as (action: FormAction<D>) => void, formRef, edit, showErrors, saveFailed, text, flag };
}

export type FormHandle<D> = ReturnType<typeof useForm<D>>;
export type { FormState };
