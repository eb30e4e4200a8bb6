/**
 * 本院主机 (the centre hub, electron/hub): hub mode on this PC under 管理, its paired workstations,
 * and on a new PC's first-run screen 加入本院 (pair with the hub, then pull the centre's records;
 * progress through `setup.restoreStatus`, as a county restore).
 */
import { z } from 'zod';
import { method } from './define';
import { restoreStatus, workstationId } from './setup';

/** An IPv4 or IPv6 address, or `0.0.0.0` / `::` for every address of this PC. */
const listenHost = z
  .string()
  .trim()
  .regex(/^(\d{1,3}(\.\d{1,3}){3}|[0-9a-fA-F:]+)$/, '请填写本机的 IP 地址，例如 192.168.1.10；0.0.0.0 表示本机所有地址');

export const hubEnableInput = z
  .object({
    host: listenHost,
    /** 0 lets the system choose (tests); staff use 1024–65535, 6984 by default. */
    port: z.number().int('端口应为整数').min(0, '端口在 1024–65535 之间').max(65535, '端口在 1024–65535 之间'),
  })
  .strict();

export const pairingCodeView = z.object({ code: z.string(), expiresAt: z.string() });

export const pairedWorkstationView = z.object({
  workstationNumber: z.string(),
  account: z.string(),
  label: z.string(),
  pairedAt: z.string(),
  lastSeenAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  pending: z.number().int().nonnegative().nullable(),
});
export type PairedWorkstationView = z.infer<typeof pairedWorkstationView>;

export const hubStatusView = z.object({
  enabled: z.boolean(),
  running: z.boolean(),
  host: z.string(),
  port: z.number().int(),
  listeningPort: z.number().int().nullable(),
  fingerprint: z.string().nullable(),
  database: z.string().nullable(),
  problem: z.string().nullable(),
  pairingCode: pairingCodeView.nullable(),
  workstations: z.array(pairedWorkstationView),
});
export type HubStatusView = z.infer<typeof hubStatusView>;

export const hubJoinInput = z
  .object({
    address: z.string().trim().min(1, '请填写本院主机的地址，例如 192.168.1.10').max(200, '地址太长'),
    code: z
      .string()
      .trim()
      .regex(/^\d{8}$/, '配对码是本院主机上显示的 8 位数字'),
    fingerprint: z
      .string()
      .trim()
      .max(120, '证书指纹太长')
      .refine((text) => {
        const digits = text.replace(/[\s:：-]/g, '');
        return /^[0-9A-Fa-f]{16,64}$/.test(digits);
      }, '请照本院主机屏幕输入证书指纹，至少前 16 位（0–9、A–F）'),
    label: z.string().trim().min(1, '请给这台电脑起个名字，例如 挂号室 2').max(40, '名字不超过 40 个字'),
  })
  .strict();
export type HubJoinInput = z.input<typeof hubJoinInput>;

export const hubContract = {
  'hub.status': method({
    input: z.object({}).strict(),
    output: hubStatusView,
    permission: 'admin.manage',
    requiresSetup: true,
    audit: 'none',
    summary: '本院主机：状态、证书指纹、配对码、已配对的工作站',
  }),
  'hub.enable': method({
    input: hubEnableInput,
    output: hubStatusView,
    permission: 'admin.manage',
    requiresSetup: true,
    audit: 'write',
    summary: '把本机设为本院主机（或修改监听地址和端口）',
  }),
  'hub.disable': method({
    input: z.object({}).strict(),
    output: hubStatusView,
    permission: 'admin.manage',
    requiresSetup: true,
    audit: 'write',
    summary: '关闭本院主机功能',
  }),
  'hub.newPairingCode': method({
    input: z.object({}).strict(),
    output: pairingCodeView,
    permission: 'admin.manage',
    requiresSetup: true,
    audit: 'write',
    summary: '生成一次性配对码（10 分钟内有效）',
  }),
  'hub.revoke': method({
    input: z.object({ workstationNumber: workstationId }).strict(),
    output: pairedWorkstationView,
    permission: 'admin.manage',
    requiresSetup: true,
    audit: 'write',
    summary: '停用一台工作站：立即拒绝它的同步',
  }),
  'hub.join': method({
    input: hubJoinInput,
    output: restoreStatus,
    permission: 'public',
    requiresSetup: false,
    audit: 'write',
    summary: '新电脑：加入本院（与本院主机配对并取回本院数据）',
  }),
} as const;
