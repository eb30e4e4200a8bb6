import { useCallback, useEffect, useState } from 'react';
import type { ApiError, OutputOf } from '../../../../shared/api';
import { useClient } from '../../app/client-context';
import { ConflictInbox } from './ConflictInbox';
import { HistoryPanel } from './HistoryPanel';
import { StoragePanel } from './StoragePanel';
import { SyncOverview } from './SyncOverview';
import { SyncSettingsPanel } from './SyncSettingsPanel';
import { useSyncStatus } from './use-sync-status';

type Runs = OutputOf<'sync.history'>['runs'];
type Conflicts = OutputOf<'sync.conflicts.list'>['conflicts'];

interface Loaded<T> {
  readonly items: T | null;
  readonly error: ApiError | null;
}

/** 同步: state and "立即同步", settings, history with its chart, the conflict inbox, local storage. */
export function SyncSection() {
  const client = useClient();
  const [runs, setRuns] = useState<Loaded<Runs>>({ items: null, error: null });
  const [conflicts, setConflicts] = useState<Loaded<Conflicts>>({ items: null, error: null });

  const loadRuns = useCallback(async () => {
    const result = await client.api.sync.history({ limit: 30 });
    setRuns((current) => (result.ok ? { items: result.value.runs, error: null } : { items: current.items, error: result.error }));
  }, [client]);

  const loadConflicts = useCallback(async () => {
    const result = await client.api.sync['conflicts.list']({});
    setConflicts((current) => (result.ok ? { items: result.value.conflicts, error: null } : { items: current.items, error: result.error }));
  }, [client]);

  const afterRun = useCallback(() => {
    void loadRuns();
    void loadConflicts();
  }, [loadRuns, loadConflicts]);

  const sync = useSyncStatus(afterRun);

  useEffect(() => {
    afterRun();
  }, [afterRun]);

  return (
    <div data-testid="sync-section" className="grid gap-6">
      <SyncOverview status={sync.status} onStarted={() => void sync.refresh()} />
      <ConflictInbox
        conflicts={conflicts.items}
        error={conflicts.error}
        onChanged={() => {
          void loadConflicts();
          void sync.refresh();
        }}
      />
      <HistoryPanel runs={runs.items} error={runs.error} />
      <div className="grid gap-6 lg:grid-cols-2">
        <SyncSettingsPanel onSaved={() => void sync.refresh()} />
        <StoragePanel status={sync.status} onDone={() => void sync.refresh()} />
      </div>
    </div>
  );
}
