import { describe, expect, it } from 'vitest';
import { fieldErrorsFrom, fieldErrorsUnder, mergeFieldErrors, withoutField } from './field-errors';

describe('field errors', () => {
  it('keys server issues by path, first message winning', () => {
    expect(
      fieldErrorsFrom([
        { path: 'admin.password', message: '密码至少 8 位' },
        { path: 'admin.password', message: '密码要同时含有字母和数字' },
        { path: 'departments.1.code', message: '科室编码只能用字母、数字、下划线和连字符' },
      ]),
    ).toEqual({ 'admin.password': '密码至少 8 位', 'departments.1.code': '科室编码只能用字母、数字、下划线和连字符' });
  });

  it('picks out one row of a list, including a message about the list itself', () => {
    const errors = { departments: '科室编码不能重复', 'departments.1.code': 'a', 'departments.10.name': 'b', 'admin.username': 'c' };
    expect(fieldErrorsUnder(errors, 'departments.1')).toEqual({ code: 'a' });
    expect(fieldErrorsUnder(errors, 'departments')).toEqual({ '': '科室编码不能重复', '1.code': 'a', '10.name': 'b' });
  });

  it('merges with earlier sources winning and drops a field once edited', () => {
    expect(mergeFieldErrors({ a: '请填写' }, { a: '格式不对', b: 'x' })).toEqual({ a: '请填写', b: 'x' });
    const errors = { a: '1', b: '2' };
    expect(withoutField(errors, 'a')).toEqual({ b: '2' });
    expect(withoutField(errors, 'z')).toBe(errors);
  });
});
