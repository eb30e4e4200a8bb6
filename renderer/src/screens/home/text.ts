import type { SectionId } from './sections';

export const HOME_TEXT = {
  sections: {
    registration: '挂号',
    outpatient: '门诊',
    records: '病案',
    sync: '同步',
    admin: '管理',
  } satisfies Record<SectionId, string>,
  openingSection: '正在打开…',
  noPermission: '您的账号没有这一项的权限。如需使用，请联系本院的系统管理员。',
  navLabel: '主要功能',
  shortcutHint: (keys: ReadonlyArray<string>) => keys.join(' 或 '),
  greeting: (name: string) => `${name}，您好`,
} as const;

export const STATUS_TEXT = {
  user: '用户',
  clinic: '机构',
  workstation: '工作站',
  sync: '同步',
  devices: '设备',
  lan: '本院主机',
  lanStates: {
    off: '未连接',
    connecting: '连接中',
    connected: '已连接',
    unreachable: '本院主机连接中断，本机继续工作，恢复后自动同步',
    refused: '被拒绝，请核对“管理 → 本院主机”的设置',
  },
  lastReceived: (when: string) => `最近收到 ${when}`,
  lanPending: (count: number) => `待发出 ${count} 条`,
  pending: (count: number) => `待上传 ${count} 条`,
  lastSuccess: (when: string) => `上次成功 ${when}`,
  neverSynced: '从未同步',
  today: (time: string) => `今天 ${time}`,
  loading: '正在读取状态…',
  unreachable: '连不上后台程序，正在重试…',
  logout: '退出登录',
  version: (version: string) => `版本 ${version}`,
  syncStates: {
    not_configured: '未配置',
    idle: '空闲',
    active: '同步中',
    paused: '已暂停',
    error: '出错',
  },
  deviceStates: {
    not_configured: '未配置',
    ready: '就绪',
    connecting: '连接中',
    disconnected: '未连接',
    error: '故障',
  },
} as const;
