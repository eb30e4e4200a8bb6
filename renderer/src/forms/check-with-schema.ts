import type { z } from 'zod';
import type { FieldErrors } from './field-errors';
import { FORM_TEXT } from './text';

/**
 * Runs a contract schema in the renderer, so the obvious mistakes are caught before a round trip and
 * with the very messages the server would send. The contract's own messages are Chinese; zod's
 * generic ones are English and are replaced here.
 */
export function checkWithSchema(schema: z.ZodType, value: unknown): FieldErrors {
  const parsed = schema.safeParse(value);
  if (parsed.success) return {};
  const errors: Record<string, string> = {};
  for (const issue of parsed.error.issues) errors[issue.path.map(String).join('.')] ??= chineseMessage(issue);
  return errors;
}

function chineseMessage(issue: z.core.$ZodIssue): string {
  if (/[\u4e00-\u9fff]/.test(issue.message)) return issue.message;
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? FORM_TEXT.required : FORM_TEXT.badFormat;
    case 'too_small':
      return FORM_TEXT.tooShort;
    case 'too_big':
      return FORM_TEXT.tooLong;
    default:
      return FORM_TEXT.badFormat;
  }
}
