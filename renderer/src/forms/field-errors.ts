import type { ApiError, FieldIssue } from '../../../shared/api';

/** Field messages keyed by the contract's dotted path (`admin.password`, `departments.0.code`). */
export type FieldErrors = Readonly<Record<string, string>>;

export const NO_FIELD_ERRORS: FieldErrors = Object.freeze({});

/** First message per path wins: it is usually the most basic problem (empty before malformed). */
export function fieldErrorsFrom(issues: ReadonlyArray<FieldIssue> | undefined): FieldErrors {
  const errors: Record<string, string> = {};
  for (const issue of issues ?? []) errors[issue.path] ??= issue.message;
  return errors;
}

export function fieldErrorsOf(error: ApiError | null): FieldErrors {
  return error ? fieldErrorsFrom(error.fields) : NO_FIELD_ERRORS;
}

/** Earlier sources win: pass the more specific checks first. */
export function mergeFieldErrors(...sources: ReadonlyArray<FieldErrors>): FieldErrors {
  const merged: Record<string, string> = {};
  for (const source of sources) for (const [path, message] of Object.entries(source)) merged[path] ??= message;
  return merged;
}

export function hasFieldErrors(errors: FieldErrors): boolean {
  return Object.keys(errors).length > 0;
}

/** Drops one field's message, e.g. once the user edits that field. */
export function withoutField(errors: FieldErrors, path: string): FieldErrors {
  if (!(path in errors)) return errors;
  const { [path]: _dropped, ...rest } = errors;
  return rest;
}

/** Messages whose path is `prefix` itself or lies under it, with the prefix removed. */
export function fieldErrorsUnder(errors: FieldErrors, prefix: string): FieldErrors {
  const under: Record<string, string> = {};
  for (const [path, message] of Object.entries(errors)) {
    if (path === prefix) under[''] = message;
    else if (path.startsWith(`${prefix}.`)) under[path.slice(prefix.length + 1)] = message;
  }
  return under;
}
