/** Words used by the toolkit's own parts. */
export const UI_TEXT = {
  dismiss: '关闭',
  optional: '（选填）',
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
