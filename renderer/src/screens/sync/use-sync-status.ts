import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiError } from '../../../../shared/api';
import type { SyncStatusView } from '../../../../shared/api/sync';
import { useClient } from '../../app/client-context';

/** While a run is going the screen follows it closely; otherwise a slow poll keeps it fresh. */
export const ACTIVE_POLL_MS = 1_000;
export const IDLE_POLL_MS = 5_000;

export interface SyncStatusState {
  readonly status: SyncStatusView | null;
  readonly error: ApiError | null;
  /** Read now (after "sync now", a save, a resolution). */
  refresh(): Promise<void>;
}

/**
 * Polls `sync.status`: every second while `running`, every five seconds otherwise. `onRunEnded`
 * is called when a run has finished since the last read (a short run may start and end between
 * two reads), so history and conflicts can be read again.
 */
export function useSyncStatus(onRunEnded: () => void): SyncStatusState {
  const client = useClient();
  const [status, setStatus] = useState<SyncStatusView | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const lastRunAt = useRef<string | null | undefined>(undefined);
  const ended = useRef(onRunEnded);
  ended.current = onRunEnded;

  const refresh = useCallback(async () => {
    const result = await client.api.sync.status({});
    if (!result.ok) return setError(result.error);
    setError(null);
    setStatus(result.value);
    const finished = result.value.lastRunAt;
    if (lastRunAt.current !== undefined && finished !== lastRunAt.current) ended.current();
    lastRunAt.current = finished;
  }, [client]);

  const running = status?.running ?? false;
  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const tick = async () => {
      await refresh();
      if (!stopped) timer = setTimeout(() => void tick(), running ? ACTIVE_POLL_MS : IDLE_POLL_MS);
    };
    timer = setTimeout(() => void tick(), running ? ACTIVE_POLL_MS : 0);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [refresh, running]);

  return { status, error, refresh };
}
