import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { describeIssues, fieldIssues, IN_CHINESE } from './zod-chinese';

const form = z
  .object({
    name: z.string().trim().min(1).max(4),
    password: z.string().min(8),
    phone: z.string().regex(/^\d+$/, '电话号码只能写数字'),
    age: z.number().int().min(0).max(150),
    roles: z
      .array(z.enum(['registrar', 'admin']))
      .min(1)
      .max(2),
    note: z.string().optional(),
  })
  .strict();

function messages(value: unknown): Record<string, string> {
  const parsed = form.safeParse(value, IN_CHINESE);
  if (parsed.success) return {};
  return Object.fromEntries(fieldIssues(parsed.error).map((issue) => [issue.path, issue.message]));
}

describe('zod issues in Chinese', () => {
  it('tells a missing field from a field of the wrong kind', () => {
    expect(messages({ password: 12345678, phone: '1', age: 1, roles: ['admin'] })).toEqual({ name: '此项必填', password: '格式不对' });
  });

  it('says how short, how long, how few and how many, by kind of value', () => {
    expect(messages({ name: ' ', password: 'abc', phone: '1', age: -1, roles: [] })).toEqual({
      name: '此项必填',
      password: '至少 8 个字',
      age: '不能小于 0',
      roles: '至少要有一项',
    });
    expect(messages({ name: '欧阳司马青', password: 'abcdefgh', phone: '1', age: 151, roles: ['admin', 'admin', 'registrar'] })).toEqual({
      name: '最多 4 个字',
      age: '不能大于 150',
      roles: '最多 2 项',
    });
  });

  it('keeps the messages written in the schema, and words choices and unknown keys', () => {
    expect(messages({ name: '王五', password: 'abcdefgh', phone: '12a', age: 30, roles: ['doctor'], extra: 1 })).toEqual({
      phone: '电话号码只能写数字',
      'roles.0': '请从给出的选项中选择',
      '': '含有不认识的项目：extra',
    });
  });

  it('never shows zod English, even from a parse made without the translator', () => {
    const parsed = form.safeParse({ name: 1 });
    expect(parsed.success).toBe(false);
    for (const issue of fieldIssues(parsed.error!)) expect(issue.message).toMatch(/^[^A-Za-z]*$/);
  });

  it('caps the field list and sums up for an administrator', () => {
    const many = z.array(z.number()).safeParse(
      Array.from({ length: 30 }, () => 'x'),
      IN_CHINESE,
    );
    expect(fieldIssues(many.error!)).toHaveLength(20);
    expect(fieldIssues(many.error!, 5)).toHaveLength(5);
    expect(describeIssues(many.error!.issues)).toBe('0：格式不对；1：格式不对；2：格式不对（另有 27 处问题）');
  });
});
