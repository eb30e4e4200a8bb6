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

/**
 * Reads `system.status` now, every few seconds while the home screen is open, and at once when the
 * link with 本院主机 changes or an account changes (change events, shared/api/events.ts).
 */
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
    const unsubscribe = client.onChanges((batch) => {
      if (batch.events.some((e) => e.kind === 'lan' || e.kind === 'users')) void read();
    });
    return () => {
      stopped = true;
      clearInterval(timer);
      unsubscribe();
    };
  }, [client]);

  return state;
}
