import type { ApiResult } from '../../../../shared/api';
import { hasFieldErrors, type FieldErrors } from '../../forms/field-errors';
import { focusFirstField } from '../../keyboard/enter-advances';
import { createErrorsAtFields } from './server-field-errors';
import { useForm } from './use-form';

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
 * An add-a-record form under a list: the draft, its field errors, the server's error, the "added"
 * notice; on success the form empties and focus returns to its first field for the next one.
 */
export function useCreateForm<D, R>(options: CreateFormOptions<D, R>) {
  const form = useForm<D>(options.empty, { keepNoticeWhileTyping: true });
  const { draft, saving, formRef, dispatch } = form;

  const submit = async () => {
    if (saving) return;
    const found = options.check(draft);
    if (hasFieldErrors(found)) return form.showErrors(found);
    dispatch({ type: 'saveStarted' });
    const result = await options.save(draft);
    if (!result.ok) return form.saveFailed(result.error, createErrorsAtFields(result.error, options.codeField));
    dispatch({ type: 'saved', draft: options.empty, notice: options.addedMessage(result.value) });
    options.onCreated();
    focusFirstField(formRef.current);
  };

  return { ...form, added: form.notice, dismissError: () => dispatch({ type: 'dismissError' }), submit };
}

export type CreateForm<D> = ReturnType<typeof useCreateForm<D, unknown>>;
