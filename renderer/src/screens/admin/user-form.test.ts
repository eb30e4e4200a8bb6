import { describe, expect, it } from 'vitest';
import { checkDepartment } from './department-form';
import {
  checkNewPassword,
  checkUser,
  checkUserEdit,
  EMPTY_PASSWORD,
  EMPTY_USER,
  offeredDepartments,
  rolesChanged,
  toggle,
  toUserUpdate,
  userEditDraft,
  type UserView,
} from './user-form';

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
    expect(
      checkUser({ username: 'lisi', displayName: '李四', roles: ['doctor'], departmentCodes: ['03'], password: 'abc12345', passwordAgain: 'abc12345' }),
    ).toEqual({});
    expect(checkDepartment({ code: '12', name: '口腔科', outpatient: true })).toEqual({});
    expect(checkDepartment({ code: '口腔', name: '', outpatient: true })).toMatchObject({ name: '请填写科室名称', code: expect.stringContaining('科室编码') });
  });

  it('toggles choices without duplicates', () => {
    expect(toggle(['a'], 'a', true)).toEqual(['a']);
    expect(toggle(['a', 'b'], 'a', false)).toEqual(['b']);
  });

  const lisi: UserView = { username: 'lisi', displayName: '李四', roles: ['registrar', 'doctor'], departmentCodes: ['03'], active: true };

  it('starts the user editor from the user as listed, and sends only what was changed', () => {
    const draft = userEditDraft(lisi);
    expect(draft).toEqual({ username: 'lisi', displayName: '李四', roles: ['registrar', 'doctor'], departmentCodes: ['03'] });
    expect(toUserUpdate(lisi, draft)).toBeNull();
    // The same roles in another order, and spaces around the same name, are no change.
    expect(toUserUpdate(lisi, { ...draft, displayName: ' 李四 ', roles: ['doctor', 'registrar'] })).toBeNull();
    expect(toUserUpdate(lisi, { ...draft, displayName: '李思 ' })).toEqual({ username: 'lisi', displayName: '李思' });
    expect(toUserUpdate(lisi, { ...draft, departmentCodes: [] })).toEqual({ username: 'lisi', departmentCodes: [] });
    expect(toUserUpdate(lisi, { ...draft, roles: ['doctor'] })).toEqual({ username: 'lisi', roles: ['doctor'] });
  });

  it('tells a change of roles (which logs the person out) from other changes', () => {
    expect(rolesChanged(lisi, { ...userEditDraft(lisi), displayName: '李思' })).toBe(false);
    expect(rolesChanged(lisi, { ...userEditDraft(lisi), roles: ['doctor', 'registrar'] })).toBe(false);
    expect(rolesChanged(lisi, { ...userEditDraft(lisi), roles: ['doctor', 'registrar', 'admin'] })).toBe(true);
  });

  it('checks an edited user: a name and at least one role', () => {
    expect(checkUserEdit(userEditDraft(lisi))).toEqual({});
    expect(checkUserEdit({ ...userEditDraft(lisi), displayName: '  ', roles: [] })).toEqual({ displayName: '请填写姓名', roles: '至少选择一个角色' });
    expect(checkUserEdit({ ...userEditDraft(lisi), displayName: '李'.repeat(31) }).displayName).toBeTruthy();
  });

  it('checks a new password like the add form: required, typed the same twice, the contract rule', () => {
    expect(checkNewPassword('lisi', EMPTY_PASSWORD)).toEqual({ password: '请输入新密码' });
    expect(checkNewPassword('lisi', { password: 'Lisi2026new', passwordAgain: 'Lisi2026nwe' })).toEqual({ passwordAgain: '两次输入的密码不一样' });
    expect(checkNewPassword('lisi', { password: 'abcdefgh', passwordAgain: 'abcdefgh' })).toEqual({ password: '密码要同时含有字母和数字' });
    expect(checkNewPassword('lisi', { password: 'Lisi2026new', passwordAgain: 'Lisi2026new' })).toEqual({});
  });

  it('offers the active departments, and those the user is already in even when stopped or unknown', () => {
    const departments = [
      { code: '03', name: '内科', active: true },
      { code: '07', name: '儿科', active: false },
      { code: '04', name: '外科', active: false },
    ];
    expect(offeredDepartments(departments, [])).toEqual([{ code: '03', label: '内科' }]);
    expect(offeredDepartments(departments, ['07', '99'])).toEqual([
      { code: '03', label: '内科' },
      { code: '07', label: '儿科（已停用）' },
      { code: '99', label: '99' },
    ]);
  });
});
