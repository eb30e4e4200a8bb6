import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiError, OutputOf } from '../../../../shared/api';
import { useClient } from '../../app/client-context';

export type DoctorQueue = OutputOf<'outpatient.queue'>;

/**
 * The doctor's queue, read again after the doctor's own moves (`reload`) and whenever the window
 * gets the focus back. A live feed of the centre's changes plugs in as one more source calling
 * `reload` (`subscribe`): the list itself is always read whole from the server.
 */
export function useDoctorQueue(subscribe?: (onChange: () => void) => () => void) {
  const client = useClient();
  const [queue, setQueue] = useState<DoctorQueue | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const latest = useRef(0);

  const reload = useCallback(async () => {
    const call = ++latest.current;
    const result = await client.api.outpatient.queue({});
    // An older answer arriving after a newer one must not bring back an outdated list.
    if (call !== latest.current) return;
    if (result.ok) {
      setQueue(result.value);
      setError(null);
    } else setError(result.error);
  }, [client]);

  useEffect(() => {
    void reload();
    const onFocus = () => void reload();
    window.addEventListener('focus', onFocus);
    const unsubscribe = subscribe?.(onFocus);
    return () => {
      window.removeEventListener('focus', onFocus);
      unsubscribe?.();
    };
  }, [reload, subscribe]);

  return { queue, error, reload };
}
