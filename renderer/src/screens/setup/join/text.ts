/** 加入本院: the first-run path for one more PC of a centre that already has its hub (本院主机). */
export const JOIN_TEXT = {
  pathJoin: '加入本院（本院已有本院主机）',
  title: '加入本院',
  intro:
    '本院已经有一台本院主机（通常在病案室）：请在本院主机的「管理 → 本院主机」里点「生成配对码」，然后把屏幕上的主机地址、配对码和证书指纹填在下面。这台电脑会取回本院的全部病历、科室和工作人员账号，之后大家用原来的账号登录。',
  address: '本院主机地址',
  addressHint: '本院主机屏幕上显示的地址，例如 192.168.1.10:6984',
  addressRequired: '请填写本院主机的地址',
  code: '配对码',
  codeHint: '本院主机屏幕上的 8 位数字，10 分钟内有效，只能用一次',
  codeRequired: '请填写配对码',
  fingerprint: '证书指纹',
  fingerprintHint: '对照本院主机屏幕输入，至少前 16 位（前 4 组），不分大小写，空格和冒号可以不输；用来确认连的确实是本院主机',
  fingerprintRequired: '请对照本院主机屏幕填写证书指纹',
  label: '这台电脑的名字',
  labelHint: '本院主机的工作站列表里这样显示，例如 挂号室 2、内科诊室 1',
  labelRequired: '请给这台电脑起个名字',
  start: '开始加入',
  starting: '正在连接本院主机…',
  backToNew: '返回新建本院',
  keyboardHint: '回车：下一项 / 开始加入　Esc：返回新建本院',
} as const;
