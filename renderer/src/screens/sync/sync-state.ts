/**
 * The 同步 screen's state in one reducer: the run history and the conflict inbox as read, 立即同步
 * being asked for, and a 整理 run. The status itself is polled (use-sync-status.ts); how it reads
 * at a glance (the badge) is worked out here from the whole status, so the badge never says 正常
 * while 上次成功 says 从未成功.
 */
import type { ApiError, OutputOf } from '../../../../shared/api';
import type { SyncStatusView } from '../../../../shared/api/sync';
import { missingCase } from '../../../../shared/missing-case';

type Runs = OutputOf<'sync.history'>['runs'];
type Conflicts = OutputOf<'sync.conflicts.list'>['conflicts'];

export interface Loaded<T> {
  /** null until the first read answers. */
  readonly items: T | null;
  readonly error: ApiError | null;
}

/** A 整理 run: none yet, under way, done with its report, or refused. */
export type CompactionRun =
  | { readonly phase: 'idle' }
  | { readonly phase: 'running' }
  | { readonly phase: 'done'; readonly report: OutputOf<'sync.compact'> }
  | { readonly phase: 'failed'; readonly error: ApiError };

export interface SyncScreenState {
  readonly runs: Loaded<Runs>;
  readonly conflicts: Loaded<Conflicts>;
  readonly syncNow: { readonly starting: boolean; readonly error: ApiError | null };
  readonly compaction: CompactionRun;
}

export type SyncScreenAction =
  | { readonly type: 'runsRead'; readonly runs: Runs }
  | { readonly type: 'runsFailed'; readonly error: ApiError }
  | { readonly type: 'conflictsRead'; readonly conflicts: Conflicts }
  | { readonly type: 'conflictsFailed'; readonly error: ApiError }
  | { readonly type: 'syncNowAsked' }
  | { readonly type: 'syncNowStarted' }
  | { readonly type: 'syncNowFailed'; readonly error: ApiError }
  | { readonly type: 'syncNowErrorDismissed' }
  | { readonly type: 'compactionStarted' }
  | { readonly type: 'compactionDone'; readonly report: OutputOf<'sync.compact'> }
  | { readonly type: 'compactionFailed'; readonly error: ApiError }
  | { readonly type: 'compactionDismissed' };

export const INITIAL_SYNC_SCREEN: SyncScreenState = {
  runs: { items: null, error: null },
  conflicts: { items: null, error: null },
  syncNow: { starting: false, error: null },
  compaction: { phase: 'idle' },
};

export function syncScreenReducer(state: SyncScreenState, action: SyncScreenAction): SyncScreenState {
  switch (action.type) {
    case 'runsRead':
      return { ...state, runs: { items: action.runs, error: null } };
    case 'runsFailed':
      // What was read before stays on screen under the error.
      return { ...state, runs: { items: state.runs.items, error: action.error } };
    case 'conflictsRead':
      return { ...state, conflicts: { items: action.conflicts, error: null } };
    case 'conflictsFailed':
      return { ...state, conflicts: { items: state.conflicts.items, error: action.error } };
    case 'syncNowAsked':
      return { ...state, syncNow: { starting: true, error: null } };
    case 'syncNowStarted':
      return { ...state, syncNow: { starting: false, error: null } };
    case 'syncNowFailed':
      return { ...state, syncNow: { starting: false, error: action.error } };
    case 'syncNowErrorDismissed':
      return { ...state, syncNow: { ...state.syncNow, error: null } };
    case 'compactionStarted':
      return state.compaction.phase === 'running' ? state : { ...state, compaction: { phase: 'running' } };
    case 'compactionDone':
      return { ...state, compaction: { phase: 'done', report: action.report } };
    case 'compactionFailed':
      return { ...state, compaction: { phase: 'failed', error: action.error } };
    case 'compactionDismissed':
      return { ...state, compaction: { phase: 'idle' } };
    default:
      return missingCase(action);
  }
}

/** The badge's wording: the engine's state, except that "idle" is only 正常 once a run has succeeded. */
export type SyncBadge = SyncStatusView['state'] | 'never_run' | 'never_succeeded';

export function syncBadge(status: Pick<SyncStatusView, 'state' | 'lastSuccessAt' | 'lastRunAt'>): SyncBadge {
  if (status.state !== 'idle' || status.lastSuccessAt !== null) return status.state;
  return status.lastRunAt === null ? 'never_run' : 'never_succeeded';
}
