import type { SyncRunView } from '../../../../shared/api/sync';
import { axisTime } from './format';

export interface HistoryChartData {
  /** One label per run, oldest first. */
  readonly labels: ReadonlyArray<string>;
  /** Documents moved (up + down + reference) per run. */
  readonly docs: ReadonlyArray<number>;
  /** Seconds per run. */
  readonly seconds: ReadonlyArray<number>;
  /**
   * Per run: 1 when it failed, else null. Drawn as a full-height band on an axis of its own, so a
   * failed run is seen even when it moved nothing (a chart of failures only is not an empty chart).
   */
  readonly failed: ReadonlyArray<1 | null>;
  readonly failedCount: number;
}

/** The runs (newest first, as the API gives them) as chart series, oldest first on the time axis. */
export function historyChartData(runs: ReadonlyArray<SyncRunView>, zone: string): HistoryChartData {
  const ordered = [...runs].reverse();
  const docs = ordered.map((r) => r.pushed + r.pulled + r.referencePulled);
  return {
    labels: ordered.map((r) => axisTime(r.startedAt, zone)),
    docs,
    seconds: ordered.map((r) => Math.round(r.durationMs / 100) / 10),
    failed: ordered.map((r) => (r.outcome === 'error' ? 1 : null)),
    failedCount: ordered.filter((r) => r.outcome === 'error').length,
  };
}
