import { useEffect } from 'react';
import type { ApiResult } from '../../../../shared/api';
import { fieldErrorsOf, hasFieldErrors, type FieldErrors } from '../../forms/field-errors';
import { focusFirstField } from '../../keyboard/enter-advances';
import { useShortcuts } from '../../keyboard/use-shortcuts';
import { UI_TEXT } from '../text';
import { useForm } from './use-form';

export interface EditorOptions<D, R> {
  readonly initial: D;
  /** Checks the browser can make before asking the server. */
  readonly check: (draft: D) => FieldErrors;
  /** The call that saves the draft, or null when the draft changes nothing. */
  readonly save: (draft: D) => Promise<ApiResult<R>> | null;
  /** The line shown once saved. */
  readonly savedMessage: (saved: R) => string;
  /** Saved, or nothing to save: the notice to show; the editor closes. */
  readonly onDone: (notice: string) => void;
  readonly onCancel: () => void;
}

/**
 * An inline editor of a list row: opens with the cursor in its first field, Esc cancels, the
 * server's field errors are shown at the fields; on success the list is told what happened.
 */
export function useEditor<D, R>(options: EditorOptions<D, R>) {
  const form = useForm<D>(options.initial);
  const { draft, saving, formRef, dispatch } = form;

  useEffect(() => focusFirstField(formRef.current), [formRef]);

  const submit = async () => {
    if (saving) return;
    const found = options.check(draft);
    if (hasFieldErrors(found)) return form.showErrors(found);
    const call = options.save(draft);
    if (call === null) return options.onDone(UI_TEXT.nothingChanged);
    dispatch({ type: 'saveStarted' });
    const result = await call;
    if (!result.ok) return form.saveFailed(result.error, fieldErrorsOf(result.error));
    dispatch({ type: 'saved', draft, notice: null });
    options.onDone(options.savedMessage(result.value));
  };

  /** Esc, with the cursor in the editor, leaves it without saving. */
  useShortcuts({ 'adminEditor.cancel': options.onCancel }, { within: form.formRef });

  return { ...form, dismissError: () => dispatch({ type: 'dismissError' }), submit, cancel: options.onCancel };
}

export type Editor<D> = ReturnType<typeof useEditor<D, unknown>>;
