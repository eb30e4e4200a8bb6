import { describe, expect, it } from 'vitest';
import type { ApiError } from '../../../../shared/api';
import { initialLoginState, loginReducer, missingLoginFields } from './login-state';

const expired: ApiError = { code: 'SESSION_EXPIRED', message: '登录已过期，请重新登录。' };
const refused: ApiError = { code: 'BAD_CREDENTIALS', message: '登录名或密码不对，请重新输入。' };

describe('login state', () => {
  it('shows why the user is back until they try again, and asks for what is missing', () => {
    const state = initialLoginState(expired);
    expect(state.error).toBe(expired);
    expect(missingLoginFields(state.draft)).toEqual({ username: '请输入登录名', password: '请输入密码' });
    expect(missingLoginFields({ username: 'admin', password: 'x' })).toBeNull();
  });

  it('clears a field’s message when it is typed in, and only that one', () => {
    const missing = loginReducer(initialLoginState(null), { type: 'missing', errors: { username: '请输入登录名', password: '请输入密码' } });
    const typed = loginReducer(missing, { type: 'edit', draft: { username: 'a', password: '' }, fields: ['username'] });
    expect(typed.errors).toEqual({ password: '请输入密码' });
  });

  it('after a refusal keeps the login name, clears the password and shows the reason', () => {
    const typed = loginReducer(initialLoginState(null), { type: 'edit', draft: { username: 'admin', password: 'wrong' }, fields: ['username', 'password'] });
    const sent = loginReducer(typed, { type: 'submitted' });
    expect(sent.submitting).toBe(true);
    expect(loginReducer(sent, { type: 'refused', error: refused, errors: {} })).toEqual({
      draft: { username: 'admin', password: '' },
      errors: {},
      error: refused,
      submitting: false,
    });
  });
});
