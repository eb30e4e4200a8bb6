import { focusFirstField } from '../keyboard/enter-advances';
import type { FieldErrors } from './field-errors';

/**
 * Puts the cursor in the first field that has an error (or the form's first field when the error
 * names none). After a failed save the cursor must be somewhere: the 保存 button it was on was
 * disabled while saving, and Esc and Enter only work with the cursor in the form.
 */
export function focusFirstError(form: HTMLElement | null, errors: FieldErrors): void {
  const first = Object.keys(errors)[0];
  const field =
    first === undefined ? null : form?.querySelector<HTMLElement>(`[data-field="${CSS.escape(first)}"] input, [data-field="${CSS.escape(first)}"] select`);
  if (field) field.focus();
  else focusFirstField(form);
}
