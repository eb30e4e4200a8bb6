import { useState } from 'react';
import type { ApiError, OutputOf } from '../../../../shared/api';
import type { SyncStatusView } from '../../../../shared/api/sync';
import { useClient } from '../../app/client-context';
import { Button, ErrorBanner, Notice } from '../../ui';
import { formatBytes, formatWhen } from './format';
import { SYNC_TEXT } from './text';

const T = SYNC_TEXT.storage;

/** 本机数据整理: what compaction may throw away, when it last ran, and a button for it. */
export function StoragePanel({ status, onDone }: { readonly status: SyncStatusView | null; readonly onDone: () => void }) {
  const client = useClient();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [report, setReport] = useState<OutputOf<'sync.compact'> | null>(null);
  const last = status?.lastCompaction ?? null;

  const compact = async () => {
    setBusy(true);
    const result = await client.api.sync.compact({});
    setBusy(false);
    if (!result.ok) return setError(result.error);
    setError(null);
    setReport(result.value);
    onDone();
  };

  return (
    <section data-testid="sync-storage" className="grid content-start gap-3 rounded-lg bg-surface p-5 shadow-sm">
      <h2 className="text-lg font-semibold">{T.title}</h2>
      <p className="text-ink-soft">{T.intro}</p>
      {last && <p className="text-ink-soft">{T.last(formatWhen(last.at), formatBytes(last.bytesBefore), formatBytes(last.bytesAfter))}</p>}
      <ErrorBanner error={error} onDismiss={() => setError(null)} />
      {report && <Notice>{T.done(report.revisionsDropped, formatBytes(report.bytesBefore), formatBytes(report.bytesAfter))}</Notice>}
      <div>
        <Button onClick={() => void compact()} disabled={busy || (status?.running ?? false)}>
          {busy ? T.compacting : T.compact}
        </Button>
      </div>
    </section>
  );
}
