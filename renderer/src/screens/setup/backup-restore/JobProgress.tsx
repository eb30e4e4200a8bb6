import type { OutputOf } from '../../../../../shared/api';
import { BACKUP_RESTORE_TEXT as T } from './text';

type Progress = NonNullable<OutputOf<'backup.status'>['progress']>;

/** One line and a bar: the phase of a backup or a restore and how far it is. */
export function JobProgress({ progress, testId }: { readonly progress: Progress | null; readonly testId: string }) {
  const share = progress && progress.total > 0 ? Math.min(100, Math.floor((progress.done / progress.total) * 100)) : 0;
  return (
    <div className="grid gap-2" data-testid={testId} role="status" aria-live="polite">
      <p className="text-ink-soft">
        {progress ? T.phases[progress.phase] : T.phases.decrypt} · {share}%
      </p>
      <div className="h-2 overflow-hidden rounded bg-divider">
        <div className="h-full bg-primary" style={{ width: `${share}%` }} />
      </div>
    </div>
  );
}
