import { z } from 'zod';

/**
 * Checks a document body against its type's schema, with reasons in Chinese: messages written in
 * the schemas (already Chinese) win, zod's zh-CN locale fills in the generic ones.
 */
const zhCN = z.locales.zhCN();

export type ValidationResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly reason: string };

export function validateDocument<T>(schema: z.ZodType<T>, doc: unknown): ValidationResult<T> {
  const result = schema.safeParse(doc);
  if (result.success) return { ok: true, value: result.data };
  // Parsing with a locale costs twice as much, so only a failure is parsed again for its messages.
  const localized = schema.safeParse(doc, { error: zhCN.localeError });
  return { ok: false, reason: describeIssues((localized.error ?? result.error).issues) };
}

function describeIssues(issues: ReadonlyArray<z.core.$ZodIssue>): string {
  const shown = issues.slice(0, 3).map((issue) => {
    const path = issue.path.map(String).join('.');
    return path ? `${path}：${issue.message}` : issue.message;
  });
  const more = issues.length > shown.length ? `（另有 ${issues.length - shown.length} 处问题）` : '';
  return `文档未通过校验：${shown.join('；')}${more}`;
}
