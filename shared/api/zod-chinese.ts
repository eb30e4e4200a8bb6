import type { z } from 'zod';
import type { FieldIssue } from './errors';

/**
 * The one translator from zod's issues to the Chinese a registrar or an administrator reads, shared
 * by the router (the VALIDATION_FAILED field list), the renderer's forms (the same messages before
 * the round trip) and the projections (why a document was not projected).
 *
 * It is a zod error map, given per parse (`schema.safeParse(value, IN_CHINESE)`): messages written
 * in the schemas take precedence over it (zod's rule), and it sees the offending input, which the
 * finished issues no longer carry, so "missing" and "wrong kind of value" can be told apart.
 */
export const zodChinese = (issue: z.core.$ZodRawIssue): string => {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined || issue.input === null ? '此项必填' : '格式不对';
    case 'too_small':
      return tooSmall(issue);
    case 'too_big':
      return tooBig(issue);
    case 'unrecognized_keys':
      return `含有不认识的项目：${issue.keys.join('、')}`;
    case 'invalid_value':
      return '请从给出的选项中选择';
    case 'not_multiple_of':
      return `应为 ${String(issue.divisor)} 的整数倍`;
    default:
      return '格式不对';
  }
};

/** Parse options that make a parse report in Chinese. */
export const IN_CHINESE = { error: zodChinese } as const;

function tooSmall(issue: z.core.$ZodRawIssue<z.core.$ZodIssueTooSmall>): string {
  const min = Number(issue.minimum);
  switch (issue.origin) {
    case 'string':
      return min <= 1 ? '此项必填' : `至少 ${min} 个字`;
    case 'array':
    case 'set':
      return min <= 1 ? '至少要有一项' : `至少要有 ${min} 项`;
    case 'number':
    case 'int':
    case 'bigint':
      return issue.inclusive ? `不能小于 ${min}` : `应大于 ${min}`;
    default:
      return '内容太短或太少';
  }
}

function tooBig(issue: z.core.$ZodRawIssue<z.core.$ZodIssueTooBig>): string {
  const max = Number(issue.maximum);
  switch (issue.origin) {
    case 'string':
      return `最多 ${max} 个字`;
    case 'array':
    case 'set':
      return `最多 ${max} 项`;
    case 'number':
    case 'int':
    case 'bigint':
      return issue.inclusive ? `不能大于 ${max}` : `应小于 ${max}`;
    default:
      return '内容太长或太多';
  }
}

/** Dotted path of an issue, as the renderer keys its field messages (`admin.password`, `departments.0.code`). */
export function issuePath(issue: z.core.$ZodIssue): string {
  return issue.path.map(String).join('.');
}

/**
 * The message of a finished issue. A parse made without `IN_CHINESE` left zod's English in it; a
 * user is then shown a plain 格式不对 rather than English.
 */
export function issueMessage(issue: z.core.$ZodIssue): string {
  return /[\u4e00-\u9fff]/.test(issue.message) ? issue.message : '格式不对';
}

/** The field list of a VALIDATION_FAILED answer (at most `limit` entries, to keep a hostile request's answer small). */
export function fieldIssues(error: z.ZodError, limit = 20): FieldIssue[] {
  return error.issues.slice(0, limit).map((issue) => ({ path: issuePath(issue), message: issueMessage(issue) }));
}

/** One line for an administrator's list: the first `shown` issues, with a count of the rest. */
export function describeIssues(issues: ReadonlyArray<z.core.$ZodIssue>, shown = 3): string {
  const first = issues.slice(0, shown).map((issue) => {
    const path = issuePath(issue);
    return path ? `${path}：${issueMessage(issue)}` : issueMessage(issue);
  });
  const more = issues.length > first.length ? `（另有 ${issues.length - first.length} 处问题）` : '';
  return first.join('；') + more;
}
