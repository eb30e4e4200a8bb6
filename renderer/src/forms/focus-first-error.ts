import { focusFirstField } from '../keyboard/enter-advances';
import type { FieldErrors } from './field-errors';

/**
 * Puts the cursor in the first field, in the order the form shows them, that has an error (or the
 * form's first field when the error names none). After a failed save the cursor must be somewhere:
 * the 保存 button it was on was disabled while saving, and Esc and Enter only work with the cursor in
 * the form. The order of the messages does not count: the server may list 角色 before 登录名.
 */
export function focusFirstError(form: HTMLElement | null, errors: FieldErrors): void {
  const fields = Array.from(form?.querySelectorAll<HTMLElement>('[data-field]') ?? []);
  const first = fields.find((field) => field.dataset.field !== undefined && field.dataset.field in errors);
  const control = first?.matches('input, select') ? first : first?.querySelector<HTMLElement>('input, select');
  if (control) control.focus();
  else focusFirstField(form);
}
