/** The sync engine's records as the API shows them (shared/api/sync.ts). */
import type { z } from 'zod';
import type { SyncErrorView, SyncRunView, SyncStatusView } from '../../shared/api/sync';
import type { syncIndicator } from '../../shared/api/system';
import type { ScheduledRun, SyncError, SyncRunRecord, SyncStatus } from '../sync';

export function syncErrorView(error: SyncError | null): SyncErrorView | null {
  return error ? { code: error.code, message: error.message, detail: error.detail } : null;
}

export function syncRunView(run: SyncRunRecord): SyncRunView {
  const duration = Date.parse(run.endedAt) - Date.parse(run.startedAt);
  return {
    id: run.id,
    trigger: run.trigger,
    startedAt: run.startedAt,
    endedAt: run.endedAt,
    durationMs: Number.isFinite(duration) ? Math.max(0, Math.round(duration)) : 0,
    outcome: run.outcome,
    pushed: run.pushed,
    pulled: run.pulled,
    referencePulled: run.referencePulled,
    deniedCount: run.deniedCount,
    denied: run.denied.map((d) => ({ id: d.id, reason: d.reason })),
    error: syncErrorView(run.error),
    referenceError: syncErrorView(run.referenceError),
  };
}

export function progressView(progress: SyncStatus['progress']): SyncStatusView['progress'] {
  if (!progress) return null;
  return {
    phase: progress.phase,
    docsDone: progress.docsDone,
    remaining: progress.remaining,
    docsPerSecond: Math.round(progress.docsPerSecond * 10) / 10,
  };
}

export function nextRunView(next: ScheduledRun | null): SyncStatusView['nextRun'] {
  return next ? { at: new Date(next.at).toISOString(), trigger: next.trigger } : null;
}

const STATE_MESSAGES: Readonly<Record<SyncStatusView['state'], string>> = {
  not_configured: '尚未配置县级平台同步',
  idle: '同步正常',
  active: '正在与县级平台同步…',
  paused: '同步暂停，稍后自动重试',
  error: '同步出错，需要处理',
};

/** The status bar's sync slot: the state in a few words, the reason when something is wrong. */
/** The status bar's sync light. */
export type SyncIndicator = z.infer<typeof syncIndicator>;

export function syncIndicatorOf(status: Pick<SyncStatusView, 'state' | 'pendingChanges' | 'lastSuccessAt' | 'lastError' | 'conflictCount'>): SyncIndicator {
  const parts = [status.lastError && (status.state === 'error' || status.state === 'paused') ? status.lastError.message : STATE_MESSAGES[status.state]];
  if (status.conflictCount > 0) parts.push(`有 ${status.conflictCount} 条冲突记录待处理（同步 → 冲突记录）`);
  return { state: status.state, pendingChanges: status.pendingChanges, lastSuccessAt: status.lastSuccessAt, message: parts.join('；') };
}
