import { describe, expect, it } from 'vitest';
import { contract } from '../../../shared/api';
import { fieldIssues, IN_CHINESE } from '../../../shared/api/zod-chinese';
import { checkWithSchema } from './check-with-schema';

describe('checkWithSchema', () => {
  it('gives the messages the server would send for the same input (first per field)', () => {
    const schema = contract['admin.createUser'].input;
    const draft = { username: '', displayName: 7, roles: [], departmentCodes: [], password: 'short' };
    const server = schema.safeParse(draft, IN_CHINESE);
    expect(server.success).toBe(false);
    const expected: Record<string, string> = {};
    for (const issue of fieldIssues(server.error!)) expected[issue.path] ??= issue.message;
    const errors = checkWithSchema(schema, draft);
    expect(errors).toEqual(expected);
    expect(errors.displayName).toBe('格式不对');
    for (const message of Object.values(errors)) expect(message).toMatch(/[\u4e00-\u9fff]/);
  });

  it('finds nothing in a valid input', () => {
    expect(checkWithSchema(contract['auth.login'].input, { username: 'admin', password: 'Admin2026' })).toEqual({});
  });
});
