import { useEffect, useState } from 'react';
import { useClient } from '../../app/client-context';
import type { RestoreStatus } from './restore-draft';

const POLL_MS = 500;

/**
 * The pull after pairing, as it goes: starts from the status the start call answered and asks again
 * while it runs. A missed answer (the back end busy or restarting) is simply asked again.
 */
export function usePolledRestore(started: RestoreStatus | null): RestoreStatus | null {
  const client = useClient();
  const [status, setStatus] = useState<RestoreStatus | null>(started);
  useEffect(() => setStatus(started), [started]);
  const running = status?.state === 'running';

  useEffect(() => {
    if (!running) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout>;
    const poll = async () => {
      const result = await client.api.setup.restoreStatus({});
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
