import type { SyncStatusView } from '../../../../shared/api/sync';
import { useClinicZone } from '../../app/clinic-clock';
import { Button, ErrorBanner, Notice, Panel } from '../../ui';
import { formatBytes, formatWhen } from './format';
import type { CompactionRun } from './sync-state';
import { SYNC_TEXT } from './text';

const T = SYNC_TEXT.storage;

interface StoragePanelProps {
  readonly status: SyncStatusView | null;
  readonly run: CompactionRun;
  readonly onCompact: () => void;
  readonly onDismiss: () => void;
}

/** 本机数据整理: what compaction may throw away, when it last ran, and a button for it. */
export function StoragePanel({ status, run, onCompact, onDismiss }: StoragePanelProps) {
  const zone = useClinicZone();
  const busy = run.phase === 'running';
  const last = status?.lastCompaction ?? null;
  return (
    <Panel title={T.title} testId="sync-storage">
      <p className="text-ink-soft">{T.intro}</p>
      {last && <p className="text-ink-soft">{T.last(formatWhen(last.at, zone), formatBytes(last.bytesBefore), formatBytes(last.bytesAfter))}</p>}
      <ErrorBanner error={run.phase === 'failed' ? run.error : null} onDismiss={onDismiss} />
      {run.phase === 'done' && <Notice>{T.done(run.report.revisionsDropped, formatBytes(run.report.bytesBefore), formatBytes(run.report.bytesAfter))}</Notice>}
      <div>
        <Button onClick={onCompact} disabled={busy || (status?.running ?? false)}>
          {busy ? T.compacting : T.compact}
        </Button>
      </div>
    </Panel>
  );
}
