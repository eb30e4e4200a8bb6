import { describe, expect, it } from 'vitest';
import { checkDepartment } from './department-form';
import { checkUser, EMPTY_USER, toggle } from './user-form';

describe('admin forms', () => {
  it('asks for every required user field in plain words', () => {
    expect(checkUser(EMPTY_USER)).toEqual({
      username: '请填写登录名',
      displayName: '请填写姓名',
      roles: '至少选择一个角色',
      password: '请设置初始密码',
    });
  });

  it('uses the contract messages for malformed values', () => {
    const errors = checkUser({ ...EMPTY_USER, username: '9lives', displayName: '李四', roles: ['doctor'], password: 'abcdefgh', passwordAgain: 'abcdefgh' });
    expect(errors.username).toContain('小写字母开头');
    expect(errors.password).toBe('密码要同时含有字母和数字');
  });

  it('accepts a complete user and department', () => {
    expect(checkUser({ username: 'lisi', displayName: '李四', roles: ['doctor'], departmentCodes: ['03'], password: 'abc12345', passwordAgain: 'abc12345' })).toEqual({});
    expect(checkDepartment({ code: '12', name: '口腔科', outpatient: true })).toEqual({});
    expect(checkDepartment({ code: '口腔', name: '', outpatient: true })).toMatchObject({ name: '请填写科室名称', code: expect.stringContaining('科室编码') });
  });

  it('toggles choices without duplicates', () => {
    expect(toggle(['a'], 'a', true)).toEqual(['a']);
    expect(toggle(['a', 'b'], 'a', false)).toEqual(['b']);
  });
});
