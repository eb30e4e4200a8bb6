export const RECORDS_TEXT = {
  title: '病案',
  tabsLabel: '病案室的各项工作',
  noTabs: '您的账号没有病案室任何一项工作的权限。如需使用，请联系本院的系统管理员。',
} as const;
