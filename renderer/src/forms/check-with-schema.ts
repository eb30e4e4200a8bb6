import type { z } from 'zod';
import { IN_CHINESE, issueMessage, issuePath } from '../../../shared/api/zod-chinese';
import type { FieldErrors } from './field-errors';

/**
 * Runs a contract schema in the renderer, so the obvious mistakes are caught before a round trip,
 * with the very messages the server would send (one translator: shared/api/zod-chinese.ts).
 */
export function checkWithSchema(schema: z.ZodType, value: unknown): FieldErrors {
  const parsed = schema.safeParse(value, IN_CHINESE);
  if (parsed.success) return {};
  const errors: Record<string, string> = {};
  for (const issue of parsed.error.issues) errors[issuePath(issue)] ??= issueMessage(issue);
  return errors;
}
