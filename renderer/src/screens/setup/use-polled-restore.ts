import { useEffect, useRef, useState } from 'react';
import { useClient } from '../../app/client-context';
import type { RestoreStatus } from './restore-draft';

/** How often a running restore (or the pull after pairing) is asked how it is going. */
const POLL_MS = 500;

/**
 * While `active`, asks the back end how the restore is going every POLL_MS and hands each answer to
 * `onStatus`; stops once it is no longer running. A missed answer (the back end busy or
 * restarting) is simply asked again.
 */
export function useRestorePolling(active: boolean, onStatus: (status: RestoreStatus) => void): void {
  const client = useClient();
  const latest = useRef(onStatus);
  latest.current = onStatus;

  useEffect(() => {
    if (!active) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout>;
    const poll = async () => {
      const result = await client.api.setup.restoreStatus({});
      if (stopped) return;
      if (result.ok) latest.current(result.value);
      if (!result.ok || result.value.state === 'running') timer = setTimeout(() => void poll(), POLL_MS);
    };
    timer = setTimeout(() => void poll(), POLL_MS);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [client, active]);
}

/** The pull after pairing, as it goes: starts from the status the start call answered, then polls while it runs. */
export function usePolledRestore(started: RestoreStatus | null): RestoreStatus | null {
  const [status, setStatus] = useState<RestoreStatus | null>(started);
  useEffect(() => setStatus(started), [started]);
  useRestorePolling(status?.state === 'running', setStatus);
  return status;
}
