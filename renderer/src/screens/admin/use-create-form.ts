import { useRef, useState } from 'react';
import type { ApiError, ApiResult } from '../../../../shared/api';
import { hasFieldErrors, NO_FIELD_ERRORS, withoutField, type FieldErrors } from '../../forms/field-errors';
import { focusFirstError } from '../../forms/focus-first-error';
import { focusFirstField } from '../../keyboard/enter-advances';
import { createErrorsAtFields } from './server-field-errors';

export interface CreateFormOptions<D, R> {
  readonly empty: D;
  /** Checks the browser can make before asking the server. */
  readonly check: (draft: D) => FieldErrors;
  readonly save: (draft: D) => Promise<ApiResult<R>>;
  /** Field that shows a DUPLICATE error the server gave without a field (the record's code). */
  readonly codeField: string;
  /** The line shown after a record was added. */
  readonly addedMessage: (created: R) => string;
  readonly onCreated: () => void;
}

/**
 * The add-a-record form of the admin panels: the draft, its field errors, the server's error, the
 * "added" notice; on success the form empties and focus returns to its first field for the next one.
 */
export function useCreateForm<D, R>(options: CreateFormOptions<D, R>) {
  const [draft, setDraft] = useState<D>(options.empty);
  const [errors, setErrors] = useState<FieldErrors>(NO_FIELD_ERRORS);
  const [error, setError] = useState<ApiError | null>(null);
  const [added, setAdded] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);

  /** Apply a change and clear the errors of the fields it touches. */
  const edit = (patch: Partial<D>, ...fields: string[]) => {
    setDraft((current) => ({ ...current, ...patch }));
    setErrors((current) => fields.reduce(withoutField, current));
  };

  const submit = async () => {
    if (saving) return;
    setAdded(null);
    const found = options.check(draft);
    if (hasFieldErrors(found)) {
      setErrors(found);
      return focusFirstError(formRef.current, found);
    }
    setSaving(true);
    const result = await options.save(draft);
    setSaving(false);
    if (!result.ok) {
      setError(result.error);
      const atFields = createErrorsAtFields(result.error, options.codeField);
      setErrors(atFields);
      return focusFirstError(formRef.current, atFields);
    }
    setError(null);
    setErrors(NO_FIELD_ERRORS);
    setDraft(options.empty);
    setAdded(options.addedMessage(result.value));
    options.onCreated();
    focusFirstField(formRef.current);
  };

  return { draft, errors, error, dismissError: () => setError(null), added, saving, formRef, edit, submit };
}
