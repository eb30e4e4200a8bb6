import { useEffect, useRef, useState } from 'react';
import type { ApiError, ApiResult } from '../../../../shared/api';
import { fieldErrorsOf, hasFieldErrors, NO_FIELD_ERRORS, withoutField, type FieldErrors } from '../../forms/field-errors';
import { focusFirstError } from '../../forms/focus-first-error';
import { focusFirstField } from '../../keyboard/enter-advances';
import { useShortcuts } from '../../keyboard/use-shortcuts';
import { ADMIN_TEXT as T } from './text';

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
 * An inline editor of the admin lists: opens with the cursor in its first field, Esc cancels,
 * the server's field errors are shown at the fields; on success the list is told what happened.
 */
export function useEditor<D, R>(options: EditorOptions<D, R>) {
  const [draft, setDraft] = useState<D>(options.initial);
  const [errors, setErrors] = useState<FieldErrors>(NO_FIELD_ERRORS);
  const [error, setError] = useState<ApiError | null>(null);
  const [saving, setSaving] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);

  useEffect(() => focusFirstField(formRef.current), []);

  /** Apply a change and clear the errors of the fields it touches. */
  const edit = (patch: Partial<D>, ...fields: string[]) => {
    setDraft((current) => ({ ...current, ...patch }));
    setErrors((current) => fields.reduce(withoutField, current));
  };

  /** Shows the errors with the cursor in the first field concerned (the 保存 button may have lost it while disabled). */
  const showErrors = (found: FieldErrors) => {
    setErrors(found);
    focusFirstError(formRef.current, found);
  };

  const submit = async () => {
    if (saving) return;
    const found = options.check(draft);
    if (hasFieldErrors(found)) return showErrors(found);
    const call = options.save(draft);
    if (call === null) return options.onDone(T.nothingChanged);
    setSaving(true);
    const result = await call;
    setSaving(false);
    if (!result.ok) {
      setError(result.error);
      return showErrors(fieldErrorsOf(result.error));
    }
    options.onDone(options.savedMessage(result.value));
  };

  /** Esc, with the cursor in the editor, leaves it without saving. */
  useShortcuts({ 'adminEditor.cancel': options.onCancel }, { within: formRef });

  return { draft, errors, error, dismissError: () => setError(null), saving, formRef, edit, submit, cancel: options.onCancel };
}

export type Editor<D> = ReturnType<typeof useEditor<D, unknown>>;
