/**
 * 本院主机: this PC's live replication with the centre's endpoint (the centre's own CouchDB, or the
 * app's hub mode). Settings are kept on this PC only, apart from the county's; the link's state is
 * shown in the status bar and on the 同步 screen.
 */
import { z } from 'zod';
import { isoTimestamp } from '../docs/base';
import { method } from './define';
import { httpUrlProblem } from './sync';

export const lanServerUrl = z
  .string()
  .trim()
  .min(1, '请填写本院主机地址')
  .max(300, '地址太长')
  .superRefine((value, ctx) => {
    const problem = httpUrlProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem.replace('https://county.example.cn:6984', 'http://192.168.1.10:5984') });
  });

export const lanSettingsInput = z
  .object({
    serverUrl: lanServerUrl,
    database: z
      .string()
      .trim()
      .regex(/^[a-z][a-z0-9_$()+/-]{0,237}$/, '数据库名只能用小写字母、数字和 _ 等符号，例如 clinic_xz01'),
    username: z.string().trim().min(1, '请填写本院主机给本机的账号').max(100, '账号太长'),
    /** Left out or empty: keep the saved password. */
    password: z.string().max(200, '密码太长').optional(),
  })
  .strict();

export const lanSettingsView = z.object({
  /** `environment`: CLINIC_LAN_URL … were set when the program started; `hub`: paired with the app's hub. */
  source: z.enum(['saved', 'environment', 'hub', 'none']),
  serverUrl: z.string(),
  database: z.string(),
  username: z.string(),
  passwordSet: z.boolean(),
});

export const lanIndicator = z.object({
  state: z.enum(['off', 'connecting', 'connected', 'unreachable', 'refused']),
  lastReceivedAt: isoTimestamp.nullable(),
  lastContactAt: isoTimestamp.nullable(),
  pendingChanges: z.number().int().nonnegative(),
  /** A sentence for the status bar's tooltip and the 同步 screen. */
  message: z.string(),
  /** Why the link is down (the sync error's code and technical detail, for the log and support). */
  lastError: z.object({ code: z.string(), detail: z.string() }).nullable(),
  /** When the next attempt starts, while waiting after a failure. */
  retryAt: isoTimestamp.nullable(),
});
export type LanIndicator = z.infer<typeof lanIndicator>;

/** One workstation as the hub knows it (hub mode stores when each was last seen). */
export const workstationSeen = z.object({
  workstation: z.string(),
  lastSeenAt: isoTimestamp.nullable(),
  pendingChanges: z.number().int().nonnegative().nullable(),
});

export const lanContract = {
  'lan.getSettings': method({
    input: z.object({}).strict(),
    output: lanSettingsView,
    permission: 'sync.run',
    requiresSetup: true,
    audit: 'none',
    summary: '本院主机连接设置（不含密码）',
  }),
  'lan.saveSettings': method({
    input: lanSettingsInput,
    output: lanSettingsView,
    permission: 'sync.run',
    requiresSetup: true,
    audit: 'write',
    summary: '保存本院主机连接设置（只存在本机）',
  }),
  'lan.turnOff': method({
    input: z.object({}).strict(),
    output: lanSettingsView,
    permission: 'sync.run',
    requiresSetup: true,
    audit: 'write',
    summary: '停止与本院主机的实时同步',
  }),
  'lan.status': method({
    input: z.object({}).strict(),
    output: z.object({ link: lanIndicator, workstations: z.array(workstationSeen).nullable() }),
    permission: 'session',
    requiresSetup: true,
    audit: 'none',
    summary: '本院主机连接状态和各工作站',
  }),
} as const;
