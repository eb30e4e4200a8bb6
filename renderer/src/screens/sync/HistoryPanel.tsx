import type { ApiError } from '../../../../shared/api';
import type { SyncRunView } from '../../../../shared/api/sync';
import { ErrorBanner } from '../../ui';
import { formatDuration, formatWhen } from './format';
import { HistoryChart } from './HistoryChart';
import { SYNC_TEXT } from './text';

const T = SYNC_TEXT.history;

interface HistoryPanelProps {
  readonly runs: ReadonlyArray<SyncRunView> | null;
  readonly error: ApiError | null;
}

/** 同步记录: the chart of recent runs and the table of them, errors in plain words. */
export function HistoryPanel({ runs, error }: HistoryPanelProps) {
  return (
    <section data-testid="sync-history" className="grid content-start gap-4 rounded-lg bg-surface p-5 shadow-sm">
      <h2 className="text-lg font-semibold">{T.title}</h2>
      <ErrorBanner error={error} />
      {runs && runs.length === 0 && <p className="text-ink-soft">{T.empty}</p>}
      {runs && runs.length > 0 && (
        <>
          <HistoryChart runs={runs} />
          <div className="overflow-x-auto">
            <table className="w-full text-left">
              <thead className="border-b border-border-soft text-sm text-muted">
                <tr>
                  {T.columns.map((column) => (
                    <th key={column} className="px-2 py-1.5 font-medium">
                      {column}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {runs.map((run) => (
                  <RunRow key={run.id} run={run} />
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}

function RunRow({ run }: { readonly run: SyncRunView }) {
  const notes: string[] = [];
  if (run.error) notes.push(run.error.message);
  if (run.referenceError) notes.push(`${T.referenceFailed}${run.referenceError.message}`);
  if (run.deniedCount > 0) notes.push(T.denied(run.deniedCount));
  return (
    <tr data-run={run.id} data-outcome={run.outcome} className="border-b border-divider align-top">
      <td className="whitespace-nowrap px-2 py-1.5">{formatWhen(run.startedAt)}</td>
      <td className="whitespace-nowrap px-2 py-1.5">{T.triggers[run.trigger]}</td>
      <td className={`whitespace-nowrap px-2 py-1.5 ${run.outcome === 'error' ? 'font-semibold text-danger' : run.outcome === 'ok' ? 'text-primary-strong' : 'text-ink-soft'}`}>
        {T.outcomes[run.outcome]}
      </td>
      <td className="px-2 py-1.5">{run.pushed}</td>
      <td className="px-2 py-1.5">{run.pulled + run.referencePulled}</td>
      <td className="whitespace-nowrap px-2 py-1.5">{formatDuration(run.durationMs)}</td>
      <td className="px-2 py-1.5 text-sm text-ink-soft" title={run.error?.detail}>
        {notes.join('；')}
      </td>
    </tr>
  );
}
