import { useEffect, useState } from 'react';
import { useClient } from '../../app/client-context';
import { Button, ErrorBanner } from '../../ui';
import { rebuildPercent, type RestoreStatus } from './restore-draft';
import { SETUP_TEXT as T } from './text';

const POLL_MS = 500;

interface RestoreProgressProps {
  /** What `setup.restoreFromCounty` answered; polled from there while running. */
  readonly initial: RestoreStatus;
  /** Back to the form (what was typed is kept there). */
  readonly onRetry: (failed: NonNullable<RestoreStatus['error']>) => void;
  readonly onDone: () => void;
}

/** The restore under way: phase in words, documents received and rate, the rebuild bar; then failure or success. */
export function RestoreProgress({ initial, onRetry, onDone }: RestoreProgressProps) {
  const client = useClient();
  const [status, setStatus] = useState<RestoreStatus>(initial);
  const running = status.state === 'running';

  useEffect(() => {
    if (!running) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout>;
    const poll = async () => {
      const result = await client.api.setup.restoreStatus({});
      if (stopped) return;
      // A missed answer (the back end busy or restarting) is simply asked again.
      if (result.ok) setStatus(result.value);
      if (!result.ok || result.value.state === 'running') timer = setTimeout(() => void poll(), POLL_MS);
    };
    timer = setTimeout(() => void poll(), POLL_MS);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [client, running]);

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
        <div>
          <Button tone="primary" autoFocus onClick={() => onRetry(error)}>
            {T.restoreRetry}
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
