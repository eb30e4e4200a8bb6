import { Button, ErrorBanner } from '../../ui';
import { rebuildPercent, type RestoreStatus } from './restore-draft';
import { SETUP_TEXT as T } from './text';

interface RestoreProgressProps {
  /** The latest status (the screen polls it while the restore runs). */
  readonly status: RestoreStatus;
  /** 重试: the same again (a download continues where it stopped). */
  readonly onRetry: (failed: NonNullable<RestoreStatus['error']>) => void;
  /** 返回修改: back to the form, what was typed kept there. */
  readonly onEdit: (failed: NonNullable<RestoreStatus['error']>) => void;
  /** A retry has been sent and not yet answered. */
  readonly retrying: boolean;
  readonly onDone: () => void;
}

/** The restore under way: phase in words, documents received and rate, the rebuild bar; then failure or success. */
export function RestoreProgress({ status, onRetry, onEdit, retrying, onDone }: RestoreProgressProps) {
  if (status.state === 'done')
    return (
      <div className="grid gap-4" data-testid="restore-progress" data-state="done">
        <h2 className="text-lg font-semibold">{T.restoreDoneTitle}</h2>
        <p role="status" data-testid="restore-done" className="rounded-md border border-primary-line bg-primary-soft px-4 py-3 text-primary-ink">
          {T.restoreDone(status.clinicName ?? '', status.docsDone)}
        </p>
        <div>
          <Button tone="primary" autoFocus onClick={onDone}>
            {T.goToLogin}
          </Button>
        </div>
      </div>
    );

  if (status.state === 'failed' && status.error) {
    const error = status.error;
    return (
      <div className="grid gap-4" data-testid="restore-progress" data-state="failed">
        <h2 className="text-lg font-semibold">{T.restoreFailedTitle}</h2>
        <ErrorBanner error={error} testId="restore-error">
          <p className="mt-1 text-sm">{error.retryable ? T.restoreFailedRetryable : T.restoreFailedFix}</p>
        </ErrorBanner>
        {/* A cause that waiting may cure offers 重试 first; any failure can go back to correct what was typed. */}
        <div className="flex gap-3">
          {error.retryable && (
            <Button tone="primary" autoFocus onClick={() => onRetry(error)} disabled={retrying}>
              {retrying ? T.restoreStarting : T.restoreRetry}
            </Button>
          )}
          <Button tone={error.retryable ? 'secondary' : 'primary'} autoFocus={!error.retryable} onClick={() => onEdit(error)} disabled={retrying}>
            {T.restoreEdit}
          </Button>
        </div>
      </div>
    );
  }

  const percent = rebuildPercent(status);
  return (
    <div className="grid gap-4" data-testid="restore-progress" data-state={status.state} data-phase={status.phase ?? ''}>
      <h2 className="text-lg font-semibold">{T.restoreRunningTitle}</h2>
      <p className="text-lg" data-testid="restore-phase">
        {status.phase ? T.restorePhase[status.phase] : T.restoreWaiting}
      </p>
      <p className="text-ink-soft">
        <span data-testid="restore-docs">{T.restoreDocs(status.docsDone)}</span>
        {status.phase === 'download' && status.docsPerSecond > 0 && <span className="ml-3 text-muted">{T.restoreRate(status.docsPerSecond)}</span>}
      </p>
      {status.phase === 'rebuild' && (
        <div>
          <div
            role="progressbar"
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={percent}
            className="h-3 w-full overflow-hidden rounded-full bg-surface-strong"
          >
            <div className="h-full bg-primary-bright transition-[width]" style={{ width: `${percent}%` }} />
          </div>
          <p className="mt-1 text-sm text-muted">{T.restoreRebuild(status.rebuildDone, status.rebuildTotal)}</p>
        </div>
      )}
      <p className="text-sm text-muted">{T.restoreRunningHint}</p>
    </div>
  );
}
