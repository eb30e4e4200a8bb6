import type { OutputOf } from '../../../../../shared/api';
import { clinicDateTime } from '../../../../../shared/time/clinic-time';
import { DataTable, type Column } from '../../../ui';
import { BACKUP_TEXT as T } from './text';

type Run = OutputOf<'backup.status'>['history'][number];

const size = (bytes: number) => (bytes === 0 ? '' : bytes >= 1048576 ? `${(bytes / 1048576).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`);

const COLUMNS: ReadonlyArray<Column<Run>> = [
  { key: 'at', header: T.columns.at, width: '10rem', cell: (run) => clinicDateTime(run.at, undefined, { seconds: true }) },
  { key: 'trigger', header: T.columns.trigger, width: '4rem', cell: (run) => (run.trigger === 'scheduled' ? T.scheduled : T.manual) },
  {
    key: 'outcome',
    header: T.columns.outcome,
    width: '4rem',
    cell: (run) => <span className={run.ok ? 'text-success' : 'text-danger'}>{run.ok ? T.ok : T.failed}</span>,
  },
  { key: 'size', header: T.columns.size, width: '6rem', align: 'end', cell: (run) => size(run.bytes) },
  { key: 'duration', header: T.columns.duration, width: '5rem', align: 'end', cell: (run) => `${(run.durationMs / 1000).toFixed(1)} 秒` },
  { key: 'message', header: T.columns.message, cell: (run) => run.message, fullText: (run) => `${run.message}${run.file ? ` ${run.file}` : ''}` },
];

/** The last backups of this PC, newest first: what was written, or why not. */
export function BackupHistory({ history }: { readonly history: ReadonlyArray<Run> | null }) {
  return (
    <DataTable
      label={T.history}
      testId="backup-history"
      columns={COLUMNS}
      rows={history}
      rowKey={(run) => run.at}
      rowData={(run) => ({ 'data-ok': String(run.ok) })}
      emptyText={T.historyEmpty}
    />
  );
}
