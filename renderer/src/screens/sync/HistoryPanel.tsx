import type { ApiError } from '../../../../shared/api';
import type { SyncRunView } from '../../../../shared/api/sync';
import { useClinicZone } from '../../app/clinic-clock';
import { DataTable, ErrorBanner, Panel, type Column } from '../../ui';
import { formatDuration, formatWhen } from './format';
import { HistoryChart } from './HistoryChart';
import { SYNC_TEXT } from './text';

const T = SYNC_TEXT.history;

interface HistoryPanelProps {
  readonly runs: ReadonlyArray<SyncRunView> | null;
  readonly error: ApiError | null;
}

const [STARTED, TRIGGER, OUTCOME, PUSHED, PULLED, DURATION, NOTES] = T.columns;

function notesOf(run: SyncRunView): string {
  const notes: string[] = [];
  if (run.error) notes.push(run.error.message);
  if (run.referenceError) notes.push(`${T.referenceFailed}${run.referenceError.message}`);
  if (run.deniedCount > 0) notes.push(T.denied(run.deniedCount));
  return notes.join('；');
}

function outcomeTone(run: SyncRunView): string {
  if (run.outcome === 'error') return 'font-semibold text-danger';
  return run.outcome === 'ok' ? 'text-primary-strong' : 'text-ink-soft';
}

function historyColumns(zone: string): ReadonlyArray<Column<SyncRunView>> {
  return [
    {
      key: 'startedAt',
      header: STARTED,
      width: '10rem',
      cell: (run) => formatWhen(run.startedAt, zone),
      sortValue: (run) => run.startedAt,
      className: 'whitespace-nowrap',
    },
    { key: 'trigger', header: TRIGGER, width: '6rem', cell: (run) => T.triggers[run.trigger], className: 'whitespace-nowrap' },
    {
      key: 'outcome',
      header: OUTCOME,
      width: '6rem',
      cell: (run) => <span className={outcomeTone(run)}>{T.outcomes[run.outcome]}</span>,
      sortValue: (run) => run.outcome,
      className: 'whitespace-nowrap',
    },
    { key: 'pushed', header: PUSHED, width: '4.5rem', cell: (run) => run.pushed, sortValue: (run) => run.pushed },
    { key: 'pulled', header: PULLED, width: '4.5rem', cell: (run) => run.pulled + run.referencePulled, sortValue: (run) => run.pulled + run.referencePulled },
    {
      key: 'duration',
      header: DURATION,
      width: '5.5rem',
      cell: (run) => formatDuration(run.durationMs),
      sortValue: (run) => run.durationMs,
      className: 'whitespace-nowrap',
    },
    // The technical detail of an error stays one hover away; the sentence itself is cut to one line.
    {
      key: 'notes',
      header: NOTES,
      cell: notesOf,
      fullText: (run) => [notesOf(run), run.error?.detail].filter(Boolean).join('\n'),
      className: 'text-sm text-ink-soft',
    },
  ];
}

/** 同步记录: the chart of recent runs and the table of them, errors in plain words. */
export function HistoryPanel({ runs, error }: HistoryPanelProps) {
  const zone = useClinicZone();
  return (
    <Panel title={T.title} testId="sync-history">
      <ErrorBanner error={error} />
      {runs && runs.length === 0 && <p className="text-ink-soft">{T.empty}</p>}
      {runs && runs.length > 0 && (
        <>
          <HistoryChart runs={runs} zone={zone} />
          <DataTable
            label={T.title}
            columns={historyColumns(zone)}
            rows={runs}
            rowKey={(run) => String(run.id)}
            rowData={(run) => ({ 'data-run': String(run.id), 'data-outcome': run.outcome })}
          />
        </>
      )}
    </Panel>
  );
}
