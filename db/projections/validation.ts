import type { z } from 'zod';
import { describeIssues, IN_CHINESE } from '../../shared/api/zod-chinese';
import { upgradeBody, type DocumentTypeDefinition } from '../../shared/docs';

/**
 * Checks a document body against its type's schema, with reasons in Chinese from the same
 * translator as the router and the forms (shared/api/zod-chinese.ts): messages written in the
 * schemas win, the translator fills in the generic ones.
 */
/**
 * `awaiting`: the body is of a version newer than this program knows; it is kept as it is and
 * projected after an update, never treated as invalid.
 */
export type ValidationResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly reason: string; readonly awaiting?: { readonly version: number; readonly known: number } };

export function validateDocument<T>(schema: z.ZodType<T>, doc: unknown): ValidationResult<T> {
  const result = schema.safeParse(doc);
  if (result.success) return { ok: true, value: result.data };
  // A rebuild validates every document: the plain parse stays on the fast path, and only a failure
  // is parsed again for its Chinese messages.
  const localized = schema.safeParse(doc, IN_CHINESE);
  return { ok: false, reason: `文档未通过校验：${describeIssues((localized.error ?? result.error).issues)}` };
}

/**
 * Checks a document of a declared type: upgraded to the current version first (each type's upgrade
 * functions, shared/docs/registry.ts), then against the current schema.
 */
export function checkVersionedDocument(definition: DocumentTypeDefinition, doc: Readonly<Record<string, unknown>>): ValidationResult<unknown> {
  const versioned = upgradeBody(definition, doc);
  switch (versioned.status) {
    case 'current':
      return validateDocument(definition.schema, versioned.body);
    case 'newer':
      return {
        ok: false,
        reason: `这条“${definition.label}”记录是新版程序写的（第 ${versioned.version} 版），本机程序只认识到第 ${versioned.known} 版：记录已保存，升级程序后才会显示`,
        awaiting: { version: versioned.version, known: versioned.known },
      };
    case 'bad_version':
      return { ok: false, reason: '文档未通过校验：schema_version 必须是正整数' };
    default:
      throw new Error('unknown version status');
  }
}
