import { useEffect, useState } from 'react';
import type { ApiError } from '../../../../shared/api';
import { useClient } from '../../app/client-context';
import type { SystemStatus } from './status-text';

export const STATUS_POLL_MS = 5_000;

export interface SystemStatusState {
  /** The last status read; kept while a later read fails, so the bar does not flicker empty. */
  readonly status: SystemStatus | null;
  readonly error: ApiError | null;
}

/** Reads `system.status` now and every few seconds while the home screen is open. */
export function useSystemStatus(): SystemStatusState {
  const client = useClient();
  const [state, setState] = useState<SystemStatusState>({ status: null, error: null });

  useEffect(() => {
    let stopped = false;
    const read = async () => {
      const result = await client.api.system.status({});
      if (stopped) return;
      setState((current) => (result.ok ? { status: result.value, error: null } : { status: current.status, error: result.error }));
    };
    void read();
    const timer = setInterval(() => void read(), STATUS_POLL_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [client]);

  return state;
}
