/**
 * 同步: replication with the county server (electron/sync). Settings are per workstation and stay on
 * this machine (the password too: never replicated, never sent back to a screen). A run is started
 * with `sync.syncNow` and followed by polling `sync.status` while `running` is true.
 */
import { z } from 'zod';
import { isoTimestamp } from '../docs/base';
import { method } from './define';

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

/** The clinic's database on the county server: `clinic_<clinic code>` (county-setup creates it). */
export const SYNC_DATABASE_PATTERN = /^clinic_[a-z0-9][a-z0-9_-]{1,30}$/;

export const DEFAULT_SYNC_WINDOW_VIEW = { start: '01:00', end: '05:00' } as const;

export function httpUrlProblem(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return '地址格式不对，应像 https://county.example.cn:6984 这样';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return '地址只能以 http:// 或 https:// 开头';
  if (url.username || url.password) return '不要把账号密码写在地址里，请填在下面的账号和密码栏';
  if (url.search || url.hash) return '地址里不要带 ? 或 # 后面的部分';
  return null;
}

export const syncServerUrl = z
  .string()
  .trim()
  .min(1, '请填写县级平台地址')
  .max(300, '地址太长')
  .superRefine((value, ctx) => {
    const problem = httpUrlProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

const windowTime = z.string().regex(HHMM, '时间格式应为 HH:MM，例如 01:00');

export const syncWindowInput = z
  .object({ start: windowTime, end: windowTime })
  .strict()
  .refine((w) => w.start !== w.end, { message: '同步时段的开始和结束时间不能相同', path: ['end'] });

export const syncSettingsInput = z
  .object({
    serverUrl: syncServerUrl,
    database: z.string().trim().regex(SYNC_DATABASE_PATTERN, '数据库名应为 clinic_ 加本院编码，例如 clinic_xz01'),
    username: z.string().trim().min(1, '请填写同步账号').max(100, '账号太长'),
    /** Left out or empty: keep the saved password. */
    password: z.string().max(200, '密码太长').optional(),
    window: syncWindowInput,
  })
  .strict();
export type SyncSettingsInput = z.input<typeof syncSettingsInput>;

export const syncSettingsView = z.object({
  /** `environment`: CLINIC_SYNC_URL … were set when the program started. */
  source: z.enum(['saved', 'environment', 'none']),
  serverUrl: z.string(),
  database: z.string(),
  username: z.string(),
  passwordSet: z.boolean(),
  window: z.object({ start: z.string(), end: z.string() }),
});
export type SyncSettingsView = z.infer<typeof syncSettingsView>;

export const syncErrorView = z.object({
  code: z.string(),
  /** What went wrong and what to do, in plain Chinese. */
  message: z.string(),
  /** What the library said, for the administrator. */
  detail: z.string(),
});
export type SyncErrorView = z.infer<typeof syncErrorView>;

export const SYNC_PHASES = ['connect', 'push', 'pull-reference', 'pull', 'settle'] as const;
export const syncPhase = z.enum(SYNC_PHASES);
export type SyncPhaseName = z.infer<typeof syncPhase>;

export const SYNC_TRIGGERS = ['nightly', 'manual', 'network-returned', 'retry', 'startup', 'recovery'] as const;
export const syncTrigger = z.enum(SYNC_TRIGGERS);

/** A document the county sent that failed the checks at the clinic's boundary, kept aside unwritten. */
export const refusedDocumentView = z.object({
  id: z.string(),
  rev: z.string(),
  /** Why, in Chinese, for the administrator. */
  reason: z.string(),
  at: z.string(),
  /** The start of what the server sent. */
  excerpt: z.string(),
});
export type RefusedDocumentView = z.infer<typeof refusedDocumentView>;

export const syncStatusView = z.object({
  state: z.enum(['not_configured', 'idle', 'active', 'paused', 'error']),
  running: z.boolean(),
  pendingChanges: z.number().int().nonnegative(),
  lastSuccessAt: isoTimestamp.nullable(),
  /** End of the last run, whatever its outcome: a change means a run has finished. */
  lastRunAt: isoTimestamp.nullable(),
  lastError: syncErrorView.nullable(),
  progress: z
    .object({
      phase: syncPhase,
      docsDone: z.number().int().nonnegative(),
      /** Unknown while the server has not said. */
      remaining: z.number().int().nonnegative().nullable(),
      docsPerSecond: z.number().nonnegative(),
    })
    .nullable(),
  nextRun: z.object({ at: isoTimestamp, trigger: syncTrigger }).nullable(),
  conflictCount: z.number().int().nonnegative(),
  localDatabaseBytes: z.number().int().nonnegative(),
  lastCompaction: z.object({ at: isoTimestamp, bytesBefore: z.number().int().nonnegative(), bytesAfter: z.number().int().nonnegative() }).nullable(),
  /** Documents refused at the boundary (SYNC_BAD_RESPONSE), newest first, at most 100. */
  refusedDocuments: z.array(refusedDocumentView).optional(),
});
export type SyncStatusView = z.infer<typeof syncStatusView>;

export const syncRunView = z.object({
  id: z.string(),
  trigger: syncTrigger,
  startedAt: isoTimestamp,
  endedAt: isoTimestamp,
  durationMs: z.number().int().nonnegative(),
  outcome: z.enum(['ok', 'error', 'cancelled']),
  pushed: z.number().int().nonnegative(),
  pulled: z.number().int().nonnegative(),
  referencePulled: z.number().int().nonnegative(),
  deniedCount: z.number().int().nonnegative(),
  denied: z.array(z.object({ id: z.string(), reason: z.string() })),
  /** Documents the county sent that were refused at the boundary (SYNC_BAD_RESPONSE); the pull went on. */
  refusedCount: z.number().int().nonnegative().optional(),
  refused: z.array(z.object({ id: z.string(), rev: z.string(), reason: z.string() })).optional(),
  error: syncErrorView.nullable(),
  /** The county's reference data could not be fetched; the clinic's own records went through. */
  referenceError: syncErrorView.nullable(),
});
export type SyncRunView = z.infer<typeof syncRunView>;

export const conflictSummaryView = z.object({
  id: z.string(),
  type: z.string(),
  /** e.g. 患者 王秀英, 科室 内科 */
  label: z.string(),
  winnerRev: z.string(),
  conflictRevs: z.array(z.string()),
});

export const conflictDetailView = z.object({
  id: z.string(),
  type: z.string(),
  label: z.string(),
  /** Every leaf shown; resolving with another set means someone changed it meanwhile. */
  seenRevs: z.array(z.string()),
  /** The winner CouchDB picks first, then the others. */
  sides: z.array(z.object({ rev: z.string(), winner: z.boolean(), updatedAt: z.string().nullable(), updatedBy: z.string().nullable() })),
  fields: z.array(
    z.object({
      name: z.string(),
      /** Record keeping (type, who and when) is not chosen by hand: the resolution stamps its own. */
      pickable: z.boolean(),
      differs: z.boolean(),
      /** One per side, in `sides` order; null when that side has no such field. Secrets are masked. */
      values: z.array(z.string().nullable()),
    }),
  ),
});
export type ConflictDetailView = z.infer<typeof conflictDetailView>;

const rev = z.string().regex(/^\d+-[0-9A-Za-z]+$/, '修订号格式不对');

export const conflictChoice = z.discriminatedUnion('kind', [
  /** Keep one side whole. */
  z.object({ kind: z.literal('keep'), rev }).strict(),
  /** Start from `base` and take each named field from the side chosen for it. */
  z.object({ kind: z.literal('fields'), base: rev, picks: z.record(z.string().min(1).max(64), rev) }).strict(),
]);
export type ConflictChoice = z.infer<typeof conflictChoice>;

export const compactionView = z.object({
  documentsCompacted: z.number().int().nonnegative(),
  revisionsDropped: z.number().int().nonnegative(),
  checkpointsPurged: z.number().int().nonnegative(),
  bytesBefore: z.number().int().nonnegative(),
  bytesAfter: z.number().int().nonnegative(),
  durationMs: z.number().int().nonnegative(),
});

export const syncContract = {
  'sync.status': method({
    input: z.object({}).strict(),
    output: syncStatusView,
    permission: 'session',
    requiresSetup: true,
    audit: 'none',
    summary: '同步状态、进度、待上传条数',
  }),
  'sync.getSettings': method({
    input: z.object({}).strict(),
    output: syncSettingsView,
    permission: 'sync.run',
    requiresSetup: true,
    audit: 'none',
    summary: '本工作站的同步设置（不含密码）',
  }),
  'sync.saveSettings': method({
    input: syncSettingsInput,
    output: syncSettingsView,
    permission: 'sync.run',
    requiresSetup: true,
    audit: 'write',
    summary: '保存同步设置（只存在本机）',
  }),
  'sync.syncNow': method({
    input: z.object({ wait: z.boolean().default(false) }).strict(),
    output: z.object({
      /** A run was already going: this call joined it. */
      joined: z.boolean(),
      /** Only when `wait` was asked for. */
      outcome: z.object({ ok: z.boolean(), error: syncErrorView.nullable() }).nullable(),
    }),
    permission: 'sync.run',
    // Not an audit event: the run history records it, and an audit document written after the run
    // would show up at once as "1 change waiting to go up".
    requiresSetup: true,
    audit: 'none',
    summary: '立即同步',
  }),
  'sync.history': method({
    input: z.object({ limit: z.number().int().min(1).max(100).default(30) }).strict(),
    output: z.object({ runs: z.array(syncRunView) }),
    permission: 'sync.run',
    requiresSetup: true,
    audit: 'none',
    summary: '最近的同步记录',
  }),
  'sync.conflicts.list': method({
    input: z.object({}).strict(),
    output: z.object({ conflicts: z.array(conflictSummaryView) }),
    permission: 'sync.run',
    requiresSetup: true,
    audit: 'none',
    summary: '待处理的冲突记录',
  }),
  'sync.conflicts.show': method({
    input: z.object({ id: z.string().min(1).max(200) }).strict(),
    output: conflictDetailView,
    permission: 'sync.run',
    requiresSetup: true,
    audit: 'read',
    summary: '查看冲突记录的各个版本',
  }),
  'sync.conflicts.resolve': method({
    input: z.object({ id: z.string().min(1).max(200), seenRevs: z.array(rev).min(2).max(20), choice: conflictChoice }).strict(),
    output: z.object({ id: z.string(), newRev: z.string().nullable(), chosen: z.string(), closedRevs: z.array(z.string()) }),
    permission: 'sync.run',
    requiresSetup: true,
    audit: 'write',
    summary: '处理冲突（保留一方或逐项选择）',
  }),
  'sync.compact': method({
    input: z.object({}).strict(),
    output: compactionView,
    permission: 'sync.run',
    requiresSetup: true,
    audit: 'write',
    summary: '整理本机数据库（清理可清理的旧版本，回收磁盘空间）',
  }),
} as const;
