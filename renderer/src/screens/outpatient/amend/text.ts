/** The words of 更正 (amending a signed note) and of its version history. */
export const AMEND_TEXT = {
  open: (key: string) => `更正（${key}）`,
  title: (name: string) => `更正门诊病历（${name}）`,
  intro: '改要更正的地方，写明原因，再用签名 PIN 签名。原来的病历保留不变，两个版本都可查看。',
  reason: '更正原因',
  reasonHint: '例如：主诉天数笔误',
  reasonMissing: '请填写更正原因（至少 2 个字）。',
  nothingChanged: '内容和现在的一样：请先改要更正的地方。',
  next: '签名并保存更正',
  cancel: '不更正',
  pinTitle: (name: string) => `签名：更正门诊病历（${name}）`,
  done: '更正已签名保存，见下方“病历版本”。',
  loading: '正在读取病历的各个版本…',
  historyTitle: '病历版本',
  original: '原始病历',
  version: (n: number) => `第 ${n} 次更正`,
  by: (name: string, at: string) => `${name}　${at}`,
  why: (reason: string) => `原因：${reason}`,
  changed: '改动：',
  removed: '删去',
  added: '加入',
} as const;

/** The names of a note's parts that are not free text, as the version history shows them. */
export const OTHER_FIELD_LABELS: Readonly<Record<string, string>> = {
  onset_date: '发病日期',
  vitals: '生命体征',
  diagnoses: '诊断',
  copy_marks: '复制标记',
  visit_at: '就诊时间',
  visit_type: '初诊/复诊',
};
