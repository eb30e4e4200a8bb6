import type { SyncRunView } from '../../../../shared/api/sync';
import { axisTime } from './format';

export interface HistoryChartData {
  /** One label per run, oldest first. */
  readonly labels: ReadonlyArray<string>;
  /** Documents moved (up + down + reference) per run. */
  readonly docs: ReadonlyArray<number>;
  /** Seconds per run. */
  readonly seconds: ReadonlyArray<number>;
  /** Per run: a marker at the run's bar when it failed, else null (no marker). */
  readonly failed: ReadonlyArray<number | null>;
  readonly failedCount: number;
}

/** The runs (newest first, as the API gives them) as chart series, oldest first on the time axis. */
export function historyChartData(runs: ReadonlyArray<SyncRunView>): HistoryChartData {
  const ordered = [...runs].reverse();
  const docs = ordered.map((r) => r.pushed + r.pulled + r.referencePulled);
  return {
    labels: ordered.map((r) => axisTime(r.startedAt)),
    docs,
    seconds: ordered.map((r) => Math.round(r.durationMs / 100) / 10),
    failed: ordered.map((r, i) => (r.outcome === 'error' ? docs[i] : null)),
    failedCount: ordered.filter((r) => r.outcome === 'error').length,
  };
}
