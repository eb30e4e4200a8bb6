import { useState } from 'react';
import { useClient } from '../../../app/client-context';
import { useShortcuts } from '../../../keyboard/use-shortcuts';
import { Button, ErrorBanner, TextField, useForm } from '../../../ui';
import { FirstRunFrame } from '../FirstRunFrame';
import { focusFirstInvalidIn, useFirstRunStart } from '../use-first-run-start';
import { BackupChoiceFields, type BackupChoiceDraft, checkBackupChoice } from './BackupChoiceFields';
import { JobProgress } from './JobProgress';
import { BACKUP_RESTORE_TEXT as T } from './text';
import { useRestoreJob, type RestoreJobStatus } from './use-restore-job';

interface BackupRestoreScreenProps {
  readonly onCancel: () => void;
  /** Restored (or set up meanwhile): on to login. */
  readonly onRestored: () => void;
}

type Draft = BackupChoiceDraft & { readonly workstationId: string };

/** 从备份恢复 at first run: the folder, the backup, its passphrase; then the progress; then login. */
export function BackupRestoreScreen({ onCancel, onRestored }: BackupRestoreScreenProps) {
  const client = useClient();
  const form = useForm<Draft>({ folder: '', file: '', passphrase: '', workstationId: '' });
  const [started, setStarted] = useState<RestoreJobStatus | null>(null);
  const status = useRestoreJob(started);
  const showForm = status === null;

  useShortcuts({ 'restore.cancel': onCancel }, { enabled: showForm && !form.saving });

  const start = useFirstRunStart(form, {
    check: checkBackupChoice,
    send: (draft) =>
      client.api.backup.restoreAtFirstRun({
        file: draft.file,
        passphrase: draft.passphrase,
        ...(draft.workstationId.trim() ? { workstationId: draft.workstationId.trim().toUpperCase() } : {}),
      }),
    onStarted: setStarted,
    onRefused: () => undefined,
    focusFirstInvalid: focusFirstInvalidIn('backup-restore-form'),
  });

  const progress = status && (
    <div className="grid gap-4" data-testid="backup-restore-progress" data-state={status.state}>
      {status.state === 'running' && (
        <>
          <p className="font-medium">{T.running}</p>
          <JobProgress progress={status.progress} testId="backup-restore-bar" />
        </>
      )}
      {status.state === 'failed' && status.error && (
        <>
          <ErrorBanner error={{ code: 'VALIDATION_FAILED', message: status.error.message }} />
          <div>
            <Button tone="primary" onClick={() => setStarted(null)}>
              {T.tryAgain}
            </Button>
          </div>
        </>
      )}
      {status.state === 'done' && (
        <>
          <p className="text-lg font-semibold text-success">
            {T.done}：{status.clinicName}
          </p>
          <p className="text-ink-soft">{T.doneIntro}</p>
          <div>
            <Button tone="primary" onClick={onRestored} autoFocus data-testid="backup-restore-login">
              {T.goToLogin}
            </Button>
          </div>
        </>
      )}
    </div>
  );

  return (
    <FirstRunFrame
      testId="backup-restore-screen"
      title={T.title}
      intro={T.intro}
      form={form}
      formShown={showForm}
      onGoToLogin={onRestored}
      back={{ label: T.backToNew, onBack: onCancel, hint: T.keyboardHint }}
      progress={progress}
    >
      <BackupChoiceFields form={form} testId="backup-restore-form" onSubmit={() => void start()} submitLabel={T.start}>
        <TextField label={T.workstation} hint={T.workstationHint} inputClassName="max-w-48 font-mono" maxLength={8} {...form.text('workstationId')} />
      </BackupChoiceFields>
    </FirstRunFrame>
  );
}
