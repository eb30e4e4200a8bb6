export const APP_TEXT = {
  productName: '乡镇卫生院诊疗与病案系统',
  starting: '正在启动，请稍候…',
  offline: '连不上后台程序，正在自动重试。如果一直连不上，请关闭本程序后重新打开。',
  retry: '重试',
} as const;
