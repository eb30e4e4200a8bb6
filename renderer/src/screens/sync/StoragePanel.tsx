import { useState } from 'react';
import type { ApiError, OutputOf } from '../../../../shared/api';
import type { SyncStatusView } from '../../../../shared/api/sync';
import { useClient } from '../../app/client-context';
import { Button, ErrorBanner, Notice, Panel } from '../../ui';
import { formatBytes, formatWhen } from './format';
import { SYNC_TEXT } from './text';

const T = SYNC_TEXT.storage;

/** A 整理 run: none yet, under way, done with its report, or refused. */
type CompactionRun =
  | { readonly phase: 'idle' }
  | { readonly phase: 'running' }
  | { readonly phase: 'done'; readonly report: OutputOf<'sync.compact'> }
  | { readonly phase: 'failed'; readonly error: ApiError };

/** 本机数据整理: what compaction may throw away, when it last ran, and a button for it. */
export function StoragePanel({ status, onDone }: { readonly status: SyncStatusView | null; readonly onDone: () => void }) {
  const client = useClient();
  const [run, setRun] = useState<CompactionRun>({ phase: 'idle' });
  const busy = run.phase === 'running';
  const last = status?.lastCompaction ?? null;

  const compact = async () => {
    setRun({ phase: 'running' });
    const result = await client.api.sync.compact({});
    if (!result.ok) return setRun({ phase: 'failed', error: result.error });
    setRun({ phase: 'done', report: result.value });
    onDone();
  };

  return (
    <Panel title={T.title} testId="sync-storage">
      <p className="text-ink-soft">{T.intro}</p>
      {last && <p className="text-ink-soft">{T.last(formatWhen(last.at), formatBytes(last.bytesBefore), formatBytes(last.bytesAfter))}</p>}
      <ErrorBanner error={run.phase === 'failed' ? run.error : null} onDismiss={() => setRun({ phase: 'idle' })} />
      {run.phase === 'done' && <Notice>{T.done(run.report.revisionsDropped, formatBytes(run.report.bytesBefore), formatBytes(run.report.bytesAfter))}</Notice>}
      <div>
        <Button onClick={() => void compact()} disabled={busy || (status?.running ?? false)}>
          {busy ? T.compacting : T.compact}
        </Button>
      </div>
    </Panel>
  );
}
