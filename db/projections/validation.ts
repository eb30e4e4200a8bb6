import type { z } from 'zod';
import { describeIssues, IN_CHINESE } from '../../shared/api/zod-chinese';

/**
 * Checks a document body against its type's schema, with reasons in Chinese from the same
 * translator as the router and the forms (shared/api/zod-chinese.ts): messages written in the
 * schemas win, the translator fills in the generic ones.
 */
export type ValidationResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly reason: string };

export function validateDocument<T>(schema: z.ZodType<T>, doc: unknown): ValidationResult<T> {
  const result = schema.safeParse(doc);
  if (result.success) return { ok: true, value: result.data };
  // A rebuild validates every document: the plain parse stays on the fast path, and only a failure
  // is parsed again for its Chinese messages.
  const localized = schema.safeParse(doc, IN_CHINESE);
  return { ok: false, reason: `文档未通过校验：${describeIssues((localized.error ?? result.error).issues)}` };
}
