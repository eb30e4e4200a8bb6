import type { z } from 'zod';

/**
 * A UTF-16 surrogate without its partner is no character at all. It reaches the main process
 * intact (IPC's structured clone, or a JSON `"\ud800"` escape over HTTP), and SQLite would then
 * store it as U+FFFD: a name such as 王�五 in the record for good. Every contract input is checked
 * for it before anything runs (see `method()` in define.ts).
 */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const MALFORMED_TEXT_MESSAGE = '含有无法识别的字符，请删除后重新输入';

export function isWellFormedText(text: string): boolean {
  return !LONE_SURROGATE.test(text);
}

/** Paths (as zod paths) of every string, or object key, in `value` holding a lone surrogate. */
export function malformedTextPaths(value: unknown, path: ReadonlyArray<PropertyKey> = []): PropertyKey[][] {
  if (typeof value === 'string') return isWellFormedText(value) ? [] : [[...path]];
  if (Array.isArray(value)) return value.flatMap((item, i) => malformedTextPaths(item, [...path, i]));
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, item]) => (isWellFormedText(key) ? malformedTextPaths(item, [...path, key]) : [[...path, key]]));
}

/** The refinement `method()` puts on every input schema. */
export function refuseMalformedText(value: unknown, ctx: z.core.$RefinementCtx): void {
  for (const path of malformedTextPaths(value)) ctx.addIssue({ code: 'custom', message: MALFORMED_TEXT_MESSAGE, path });
}
