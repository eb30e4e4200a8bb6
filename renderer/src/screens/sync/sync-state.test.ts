import { describe, expect, it } from 'vitest';
import type { ApiError } from '../../../../shared/api';
import { INITIAL_SYNC_SCREEN, syncBadge, syncScreenReducer, type SyncScreenAction, type SyncScreenState } from './sync-state';

const refused: ApiError = { code: 'CONFLICT', message: '正在同步，请等同步结束后再整理本机数据库。' };
const run = (actions: ReadonlyArray<SyncScreenAction>, from: SyncScreenState = INITIAL_SYNC_SCREEN) => actions.reduce(syncScreenReducer, from);

describe('the sync screen reducer', () => {
  it('keeps the history read before under a failed re-read, and clears the error on the next good one', () => {
    const read = run([
      { type: 'runsRead', runs: [] },
      { type: 'runsFailed', error: refused },
    ]);
    expect(read.runs).toEqual({ items: [], error: refused });
    expect(run([{ type: 'runsRead', runs: [] }], read).runs.error).toBeNull();
  });

  it('follows 立即同步 from asked to started or refused, and lets the refusal be dismissed', () => {
    expect(run([{ type: 'syncNowAsked' }]).syncNow).toEqual({ starting: true, error: null });
    expect(run([{ type: 'syncNowAsked' }, { type: 'syncNowStarted' }]).syncNow).toEqual({ starting: false, error: null });
    const failed = run([{ type: 'syncNowAsked' }, { type: 'syncNowFailed', error: refused }]);
    expect(failed.syncNow).toEqual({ starting: false, error: refused });
    expect(run([{ type: 'syncNowErrorDismissed' }], failed).syncNow.error).toBeNull();
  });

  it('runs 整理 once at a time and keeps its report', () => {
    const report = { documentsCompacted: 3, revisionsDropped: 7, checkpointsPurged: 0, bytesBefore: 2_000_000, bytesAfter: 1_000_000, durationMs: 40 };
    const running = run([{ type: 'compactionStarted' }]);
    expect(syncScreenReducer(running, { type: 'compactionStarted' })).toBe(running);
    expect(run([{ type: 'compactionDone', report }], running).compaction).toEqual({ phase: 'done', report });
    expect(run([{ type: 'compactionFailed', error: refused }, { type: 'compactionDismissed' }], running).compaction).toEqual({ phase: 'idle' });
  });
});

describe('the sync badge', () => {
  it('says 正常 only once a run has succeeded', () => {
    expect(syncBadge({ state: 'idle', lastSuccessAt: '2026-12-03T01:00:00.000Z', lastRunAt: '2026-12-03T01:00:00.000Z' })).toBe('idle');
    expect(syncBadge({ state: 'idle', lastSuccessAt: null, lastRunAt: '2026-12-03T01:00:00.000Z' })).toBe('never_succeeded');
    expect(syncBadge({ state: 'idle', lastSuccessAt: null, lastRunAt: null })).toBe('never_run');
  });

  it('keeps the engine state when it is anything but idle', () => {
    expect(syncBadge({ state: 'error', lastSuccessAt: null, lastRunAt: '2026-12-03T01:00:00.000Z' })).toBe('error');
    expect(syncBadge({ state: 'not_configured', lastSuccessAt: null, lastRunAt: null })).toBe('not_configured');
  });
});
