/** Words used by the toolkit's own parts. */
export const UI_TEXT = {
  dismiss: '关闭',
  optional: '（选填）',
  lowerCased: (typed: string, kept: string) => `只用小写字母：输入的“${typed}”已记为“${kept}”。`,
  upperCased: (typed: string, kept: string) => `只用大写字母：输入的“${typed}”已记为“${kept}”。`,
  loading: '正在读取…',
  empty: '暂无记录',
  save: '保存',
  saving: '正在保存…',
  cancel: '取消（Esc）',
  nothingChanged: '没有改动，不用保存。',
  confirm: '确定',
  sortAscending: '升序',
  sortDescending: '降序',
} as const;
