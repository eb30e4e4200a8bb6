import { useState } from 'react';
import { RESTORE_CONFIRMATION } from '../../../../../shared/api/backup';
import { useClient } from '../../../app/client-context';
import { Button, ErrorBanner, Notice, TextField, useForm } from '../../../ui';
import { BackupChoiceFields, checkBackupChoice, type BackupChoiceDraft } from '../../setup/backup-restore/BackupChoiceFields';
import { JobProgress } from '../../setup/backup-restore/JobProgress';
import { useRestoreJob, type RestoreJobStatus } from '../../setup/backup-restore/use-restore-job';
import { BACKUP_TEXT as T } from './text';

type Draft = BackupChoiceDraft & { readonly confirm: string };

/** 从备份恢复 from 管理: replaces this PC's data with one of this clinic's backups, after the typed confirmation. */
export function AdminRestore({ folder }: { readonly folder: string }) {
  const client = useClient();
  const form = useForm<Draft>({ folder, file: '', passphrase: '', confirm: '' });
  const [started, setStarted] = useState<RestoreJobStatus | null>(null);
  const status = useRestoreJob(started);

  const start = async () => {
    const found = checkBackupChoice(form.draft);
    if (form.draft.confirm !== RESTORE_CONFIRMATION) Object.assign(found, { confirm: T.restoreConfirm });
    if (Object.keys(found).length > 0) return form.showErrors(found);
    form.dispatch({ type: 'saveStarted' });
    const result = await client.api.backup.restore({ file: form.draft.file, passphrase: form.draft.passphrase, confirm: RESTORE_CONFIRMATION });
    if (!result.ok) return form.saveFailed(result.error, {});
    form.dispatch({ type: 'saved', draft: form.draft, notice: null });
    setStarted(result.value);
  };

  return (
    <section className="grid gap-4" data-testid="backup-admin-restore">
      <h3 className="text-lg font-semibold">{T.restoreTitle}</h3>
      <p className="text-ink-soft">{T.restoreIntro}</p>
      <ErrorBanner error={form.error} onDismiss={() => form.dispatch({ type: 'dismissError' })} />
      {status?.state === 'running' && <JobProgress progress={status.progress} testId="backup-admin-restore-bar" />}
      {status?.state === 'failed' && status.error && <ErrorBanner error={{ code: 'VALIDATION_FAILED', message: status.error.message }} />}
      {status?.state === 'done' ? (
        <div className="grid gap-3">
          <Notice>{T.restoreDone}</Notice>
          <div>
            <Button tone="primary" onClick={() => window.location.reload()}>
              {T.relogin}
            </Button>
          </div>
        </div>
      ) : (
        status?.state !== 'running' && (
          <BackupChoiceFields form={form} testId="backup-admin-restore-form" onSubmit={() => void start()} submitLabel={T.restoreStart} submitTone="danger">
            <TextField label={T.restoreConfirm} autoComplete="off" {...form.text('confirm')} />
          </BackupChoiceFields>
        )
      )}
    </section>
  );
}
