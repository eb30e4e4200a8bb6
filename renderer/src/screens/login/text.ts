export const LOGIN_TEXT = {
  title: '登录',
  username: '登录名',
  password: '密码',
  usernameRequired: '请输入登录名',
  passwordRequired: '请输入密码',
  submit: '登录',
  submitting: '正在登录…',
  forgotten: '忘记密码请找本院的系统管理员重设。',
} as const;
