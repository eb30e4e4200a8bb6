import { useCallback, useEffect, useReducer } from 'react';
import { useClient } from '../../app/client-context';
import { CentreLinkPanel } from './CentreLinkPanel';
import { ConflictInbox } from './ConflictInbox';
import { HistoryPanel } from './HistoryPanel';
import { StoragePanel } from './StoragePanel';
import { SyncOverview } from './SyncOverview';
import { SyncSettingsPanel } from './SyncSettingsPanel';
import { INITIAL_SYNC_SCREEN, syncScreenReducer } from './sync-state';
import { useSyncStatus } from './use-sync-status';

/** 同步: state and "立即同步", settings, history with its chart, the conflict inbox, local storage. */
export function SyncSection() {
  const client = useClient();
  const [state, dispatch] = useReducer(syncScreenReducer, INITIAL_SYNC_SCREEN);

  const loadRuns = useCallback(async () => {
    const result = await client.api.sync.history({ limit: 30 });
    dispatch(result.ok ? { type: 'runsRead', runs: result.value.runs } : { type: 'runsFailed', error: result.error });
  }, [client]);

  const loadConflicts = useCallback(async () => {
    const result = await client.api.sync['conflicts.list']({});
    dispatch(result.ok ? { type: 'conflictsRead', conflicts: result.value.conflicts } : { type: 'conflictsFailed', error: result.error });
  }, [client]);

  const afterRun = useCallback(() => {
    void loadRuns();
    void loadConflicts();
  }, [loadRuns, loadConflicts]);

  const sync = useSyncStatus(afterRun);

  useEffect(() => {
    afterRun();
  }, [afterRun]);

  const syncNow = async () => {
    dispatch({ type: 'syncNowAsked' });
    const result = await client.api.sync.syncNow({ wait: false });
    dispatch(result.ok ? { type: 'syncNowStarted' } : { type: 'syncNowFailed', error: result.error });
    if (result.ok) void sync.refresh();
  };

  const compact = async () => {
    if (state.compaction.phase === 'running') return;
    dispatch({ type: 'compactionStarted' });
    const result = await client.api.sync.compact({});
    dispatch(result.ok ? { type: 'compactionDone', report: result.value } : { type: 'compactionFailed', error: result.error });
    if (result.ok) void sync.refresh();
  };

  return (
    <div data-testid="sync-section" className="grid gap-6">
      <SyncOverview
        status={sync.status}
        request={state.syncNow}
        onSyncNow={() => void syncNow()}
        onDismissError={() => dispatch({ type: 'syncNowErrorDismissed' })}
      />
      <CentreLinkPanel />
      <ConflictInbox
        conflicts={state.conflicts.items}
        error={state.conflicts.error}
        onChanged={() => {
          void loadConflicts();
          void sync.refresh();
        }}
      />
      <HistoryPanel runs={state.runs.items} error={state.runs.error} />
      <div className="grid gap-6 lg:grid-cols-2">
        <SyncSettingsPanel onSaved={() => void sync.refresh()} />
        <StoragePanel
          status={sync.status}
          run={state.compaction}
          onCompact={() => void compact()}
          onDismiss={() => dispatch({ type: 'compactionDismissed' })}
        />
      </div>
    </div>
  );
}
