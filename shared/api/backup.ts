import { z } from 'zod';
import { method } from './define';
import { workstationId } from './setup';

/** 管理 → 备份与恢复, and 从备份恢复 on the first-run screen (electron/services/backup/README.md). */

const HHMM = /^([01]\d|2[0-3]):([0-5]\d)$/;

export const backupPassphraseRule = z
  .string()
  .min(8, '备份口令至少 8 位')
  .max(128, '备份口令不超过 128 位')
  .refine((text) => new Set(text).size >= 4, '备份口令太简单，请多用几种字符');

export const backupSettingsInput = z
  .object({
    /** A folder on another disk or a USB drive, e.g. E:\\卫生院备份. */
    folder: z.string().trim().min(1, '请填写备份文件夹，例如 U 盘上的 E:\\卫生院备份').max(260, '路径太长'),
    /** Daily, at this time by the clinic's clock. */
    time: z.string().regex(HHMM, '时间格式应为 HH:MM，例如 12:30'),
    keepDaily: z.number().int().min(1, '至少保留 1 份每日备份').max(60, '每日备份最多保留 60 份'),
    keepWeekly: z.number().int().min(0).max(52, '每周备份最多保留 52 份'),
    /** Left out: keep the saved one. */
    passphrase: backupPassphraseRule.optional(),
  })
  .strict();
export type BackupSettingsInput = z.input<typeof backupSettingsInput>;

export const backupSettingsView = z.object({
  folder: z.string(),
  time: z.string(),
  keepDaily: z.number().int(),
  keepWeekly: z.number().int(),
  /** A passphrase is saved (sealed); never the passphrase itself. */
  passphraseSet: z.boolean(),
  /** The saved passphrase cannot be opened on this PC (saved on another PC): enter it again. */
  passphraseUnreadable: z.boolean(),
  configured: z.boolean(),
});
export type BackupSettingsView = z.infer<typeof backupSettingsView>;

export const DEFAULT_BACKUP_SETTINGS = { folder: '', time: '12:30', keepDaily: 7, keepWeekly: 4 } as const;

export const backupRun = z.object({
  at: z.string(),
  trigger: z.enum(['scheduled', 'manual']),
  ok: z.boolean(),
  /** The file written (ok), empty otherwise. */
  file: z.string(),
  bytes: z.number().int().nonnegative(),
  durationMs: z.number().int().nonnegative(),
  message: z.string(),
});
export type BackupRun = z.infer<typeof backupRun>;

export const jobProgress = z.object({
  phase: z.enum(['snapshot', 'encrypt', 'verify', 'rotate', 'decrypt', 'check', 'swap']),
  done: z.number().nonnegative(),
  total: z.number().nonnegative(),
});

export const backupStatus = z.object({
  running: z.boolean(),
  progress: jobProgress.nullable(),
  /** When the next scheduled backup runs (ISO), null when not configured. */
  nextAt: z.string().nullable(),
  history: z.array(backupRun),
});
export type BackupStatus = z.infer<typeof backupStatus>;

export const backupFileView = z.object({
  file: z.string(),
  name: z.string(),
  clinicCode: z.string(),
  clinicName: z.string(),
  workstation: z.string(),
  createdAt: z.string(),
  bytes: z.number().int().nonnegative(),
});
export type BackupFileView = z.infer<typeof backupFileView>;

export const restoreJobStatus = z.object({
  state: z.enum(['idle', 'running', 'done', 'failed']),
  progress: jobProgress.nullable(),
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
  clinicName: z.string().nullable(),
});
export type RestoreJobStatus = z.infer<typeof restoreJobStatus>;

const backupFile = z.string().trim().min(1, '请选择要恢复的备份文件').max(400);

/** The words an administrator types to confirm replacing this PC's data. */
export const RESTORE_CONFIRMATION = '覆盖本机数据';

export const backupContract = {
  'backup.getSettings': method({
    input: z.object({}).strict(),
    output: backupSettingsView,
    permission: 'admin.manage',
    requiresSetup: true,
    audit: 'none',
    summary: '本机的备份设置（不含口令）',
  }),
  'backup.saveSettings': method({
    input: backupSettingsInput,
    output: backupSettingsView,
    permission: 'admin.manage',
    requiresSetup: true,
    audit: 'write',
    summary: '保存备份设置（只存在本机，口令加密保存）',
  }),
  'backup.status': method({
    input: z.object({}).strict(),
    output: backupStatus,
    permission: 'admin.manage',
    requiresSetup: true,
    audit: 'none',
    summary: '备份进度、下次备份时间、备份记录',
  }),
  'backup.runNow': method({
    input: z.object({}).strict(),
    output: backupStatus,
    permission: 'admin.manage',
    requiresSetup: true,
    audit: 'write',
    summary: '立即备份',
  }),
  'backup.findBackups': method({
    input: z.object({ folder: z.string().trim().min(1, '请填写备份所在的文件夹').max(260) }).strict(),
    output: z.object({ backups: z.array(backupFileView) }),
    permission: 'public',
    requiresSetup: false,
    audit: 'none',
    summary: '列出文件夹里的备份文件（只读文件头，不需口令）',
  }),
  'backup.restoreAtFirstRun': method({
    input: z.object({ file: backupFile, passphrase: z.string().min(1, '请填写备份口令').max(128), workstationId: workstationId.optional() }).strict(),
    output: restoreJobStatus,
    permission: 'public',
    requiresSetup: false,
    audit: 'write',
    summary: '新电脑：从备份文件恢复本院数据',
  }),
  'backup.restore': method({
    input: z
      .object({
        file: backupFile,
        passphrase: z.string().min(1, '请填写备份口令').max(128),
        confirm: z.literal(RESTORE_CONFIRMATION, { error: `请输入“${RESTORE_CONFIRMATION}”确认` }),
      })
      .strict(),
    output: restoreJobStatus,
    permission: 'admin.manage',
    requiresSetup: true,
    audit: 'write',
    summary: '从备份恢复，覆盖本机数据',
  }),
  'backup.restoreStatus': method({
    input: z.object({}).strict(),
    output: restoreJobStatus,
    permission: 'public',
    requiresSetup: false,
    audit: 'none',
    summary: '从备份恢复的进度',
  }),
} as const;
