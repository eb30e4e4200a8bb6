import { useCallback, useEffect, useRef, useState } from 'react';
import { batchConcerns, type ApiError, type ChangeTopic, type OutputOf } from '../../../../shared/api';
import { useClient } from '../../app/client-context';

export type DoctorQueue = OutputOf<'outpatient.queue'>;

/** What moves a queue: a visit registered, called or cancelled anywhere in the centre, or a patient's details. */
const QUEUE_TOPICS: ReadonlyArray<ChangeTopic> = [{ kind: 'visits' }, { kind: 'patients' }];

/**
 * The doctor's queue, read again after the doctor's own moves (`reload`), when a visit changes here
 * or arrives from another PC of the centre (the change events), and whenever the window gets the
 * focus back. Another source can plug in through `subscribe`. The list is always read whole.
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
    const stopListening = client.onChanges((batch) => {
      if (batchConcerns(batch, QUEUE_TOPICS)) void reload();
    });
    return () => {
      window.removeEventListener('focus', onFocus);
      unsubscribe?.();
      stopListening();
    };
  }, [client, reload, subscribe]);

  return { queue, error, reload };
}
