import { useCallback, useEffect, useState } from 'react';
import type { ApiError, OutputOf } from '../../../../../shared/api';
import { clinicDateTime } from '../../../../../shared/time/clinic-time';
import { useClient } from '../../../app/client-context';
import { Button, ErrorBanner, Panel } from '../../../ui';
import { JobProgress } from '../../setup/backup-restore/JobProgress';
import { AdminRestore } from './AdminRestore';
import { BackupHistory } from './BackupHistory';
import { BackupSettingsForm } from './BackupSettingsForm';
import { BACKUP_TEXT as T } from './text';

type Settings = OutputOf<'backup.getSettings'>;
type Status = OutputOf<'backup.status'>;

const POLL_MS = 700;

/** 管理 → 备份与恢复: settings, 立即备份 with its progress, the history, and the restore. */
export function BackupPanel() {
  const client = useClient();
  const [settings, setSettings] = useState<Settings | ApiError | null>(null);
  const [status, setStatus] = useState<Status | null>(null);
  const [refusal, setRefusal] = useState<ApiError | null>(null);

  const readStatus = useCallback(async () => {
    const result = await client.api.backup.status({});
    if (result.ok) setStatus(result.value);
  }, [client]);

  useEffect(() => {
    void client.api.backup.getSettings({}).then((result) => setSettings(result.ok ? result.value : result.error));
    void readStatus();
  }, [client, readStatus]);

  // While a backup runs, its progress; when it ends, the history shows how it went.
  useEffect(() => {
    if (!status?.running) return;
    const timer = setTimeout(() => void readStatus(), POLL_MS);
    return () => clearTimeout(timer);
  }, [status, readStatus]);

  const runNow = async () => {
    setRefusal(null);
    const result = await client.api.backup.runNow({});
    if (result.ok) setStatus(result.value);
    else setRefusal(result.error);
  };

  if (settings === null || 'code' in settings) return <ErrorBanner error={settings} />;
  return (
    <Panel title={T.title} testId="backup-panel">
      <p className="text-ink-soft">{T.intro}</p>
      <BackupSettingsForm view={settings} onSaved={(view) => (setSettings(view), void readStatus())} />
      <div className="flex flex-wrap items-center gap-4">
        <Button tone="primary" onClick={() => void runNow()} disabled={status?.running === true} data-testid="backup-run-now">
          {status?.running ? T.running : T.runNow}
        </Button>
        <span className="text-sm text-muted" data-testid="backup-next">
          {status?.nextAt ? `${T.nextAt}${clinicDateTime(status.nextAt)}` : T.notScheduled}
        </span>
      </div>
      <ErrorBanner error={refusal} onDismiss={() => setRefusal(null)} />
      {status?.running && <JobProgress progress={status.progress} testId="backup-progress" />}
      <BackupHistory history={status?.history ?? null} />
      <AdminRestore folder={settings.folder} />
    </Panel>
  );
}
