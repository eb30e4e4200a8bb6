import { useEffect, useState } from 'react';
import type { OutputOf } from '../../../../../shared/api';
import { useClient } from '../../../app/client-context';

export type RestoreJobStatus = OutputOf<'backup.restoreStatus'>;

const POLL_MS = 400;

/** A restore from a backup, as it goes: starts from the status the start call answered, then polls while it runs. */
export function useRestoreJob(started: RestoreJobStatus | null): RestoreJobStatus | null {
  const client = useClient();
  const [status, setStatus] = useState<RestoreJobStatus | null>(started);
  useEffect(() => setStatus(started), [started]);
  const running = status?.state === 'running';
  useEffect(() => {
    if (!running) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout>;
    const poll = async () => {
      const result = await client.api.backup.restoreStatus({});
      if (stopped) return;
      if (result.ok) setStatus(result.value);
      if (!result.ok || result.value.state === 'running') timer = setTimeout(() => void poll(), POLL_MS);
    };
    timer = setTimeout(() => void poll(), POLL_MS);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [client, running]);
  return status;
}
