import { keyLabel } from './key-label';

/** Words of the shortcut help panel. */
export const HELP_TEXT = {
  title: '快捷键',
  button: '快捷键',
  buttonHint: `查看快捷键（${keyLabel('app.help')}）`,
  globalGroup: '任何时候',
  screenGroup: (screen: string) => `本页：${screen}`,
  noKeys: '本页没有自己的快捷键。',
  changesTitle: '按键有变动',
  close: '关闭（Esc）',
  keyColumn: '按键',
  actionColumn: '作用',
  or: ' 或 ',
} as const;
