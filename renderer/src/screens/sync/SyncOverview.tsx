import type { SyncStatusView } from '../../../../shared/api/sync';
import { missingCase } from '../../../../shared/missing-case';
import { useClinicZone } from '../../app/clinic-clock';
import { Button, Card, ErrorBanner } from '../../ui';
import { formatBytes, formatWhen, progressPercent } from './format';
import { SyncErrorBox } from './SyncErrorBox';
import { syncBadge, type SyncBadge, type SyncScreenState } from './sync-state';
import { SYNC_TEXT as T } from './text';

interface SyncOverviewProps {
  readonly status: SyncStatusView | null;
  readonly request: SyncScreenState['syncNow'];
  readonly onSyncNow: () => void;
  readonly onDismissError: () => void;
}

/** The state at a glance, "立即同步", and the run in progress. */
export function SyncOverview({ status, request, onSyncNow, onDismissError }: SyncOverviewProps) {
  const zone = useClinicZone();
  const running = status?.running ?? false;
  const configured = status !== null && status.state !== 'not_configured';
  const badge = status ? syncBadge(status) : null;

  return (
    <Card data-testid="sync-overview" data-state={status?.state ?? 'loading'} data-running={running}>
      <div className="flex flex-wrap items-center gap-4">
        <h2 className="text-lg font-semibold">{T.title}</h2>
        <span data-testid="sync-state" data-badge={badge ?? undefined} className={`rounded-full px-3 py-0.5 text-sm ${badgeTone(badge)}`}>
          {badge ? T.states[badge] : '…'}
        </span>
        <span className="flex-1" />
        <Button tone="primary" onClick={onSyncNow} disabled={!configured || running || request.starting}>
          {running || request.starting ? T.syncing : T.syncNow}
        </Button>
      </div>
      <p className="text-ink-soft">{T.intro}</p>
      {status && !configured && <p className="rounded-md border border-warning-line bg-warning-soft px-3 py-2 text-warning-ink">{T.notConfigured}</p>}
      <ErrorBanner error={request.error} onDismiss={onDismissError} />
      {status && (
        <dl className="grid grid-cols-2 gap-x-6 gap-y-2 md:grid-cols-3">
          <Fact name="pending" label={T.pending} value={T.pendingCount(status.pendingChanges)} />
          <Fact name="last-success" label={T.lastSuccess} value={status.lastSuccessAt ? formatWhen(status.lastSuccessAt, zone) : T.never} />
          <Fact name="next-run" label={T.nextRun} value={status.nextRun ? formatWhen(status.nextRun.at, zone) : '—'} />
          <Fact name="database-size" label={T.databaseSize} value={formatBytes(status.localDatabaseBytes)} />
          <Fact name="conflicts" label={T.conflicts} value={T.conflictCount(status.conflictCount)} warn={status.conflictCount > 0} />
        </dl>
      )}
      {status?.progress && <RunProgress progress={status.progress} />}
      {status?.lastError && !running && <SyncErrorBox error={status.lastError} />}
    </Card>
  );
}

function RunProgress({ progress }: { readonly progress: NonNullable<SyncStatusView['progress']> }) {
  const percent = progressPercent(progress.docsDone, progress.remaining);
  return (
    <div data-testid="sync-progress" data-phase={progress.phase} className="grid gap-2 rounded-md border border-primary-tint bg-primary-soft p-3">
      <div className="flex flex-wrap gap-x-4 text-primary-ink">
        <strong>{T.phases[progress.phase]}</strong>
        <span>{T.progressDone(progress.docsDone)}</span>
        <span>{T.progressRemaining(progress.remaining)}</span>
        <span>{T.progressRate(progress.docsPerSecond)}</span>
      </div>
      <div
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent ?? undefined}
        aria-label={T.phases[progress.phase]}
        className="h-3 overflow-hidden rounded-full bg-primary-muted"
      >
        <div
          className={`h-full bg-primary-bright transition-all ${percent === null ? 'w-1/3 animate-pulse' : ''}`}
          style={percent === null ? undefined : { width: `${percent}%` }}
        />
      </div>
    </div>
  );
}

function Fact({ name, label, value, warn }: { readonly name: string; readonly label: string; readonly value: string; readonly warn?: boolean }) {
  return (
    <div data-fact={name}>
      <dt className="text-sm text-muted">{label}</dt>
      <dd className={`text-lg ${warn ? 'font-semibold text-warning-strong' : 'text-ink'}`}>{value}</dd>
    </div>
  );
}

function badgeTone(badge: SyncBadge | null): string {
  switch (badge) {
    case 'idle':
      return 'bg-primary-muted text-primary-ink';
    case 'active':
      return 'bg-info-muted text-info-ink';
    case 'paused':
    case 'never_succeeded':
      return 'bg-warning-muted text-warning-ink';
    case 'error':
      return 'bg-danger-muted text-danger-strong';
    case 'not_configured':
    case 'never_run':
    case null:
      return 'bg-canvas text-ink-soft';
    default:
      return missingCase(badge);
  }
}
