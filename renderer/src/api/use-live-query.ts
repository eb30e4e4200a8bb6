import { useCallback, useEffect, useRef, useState } from 'react';
import { batchConcerns, type ApiError, type ChangeTopic, type InputOf, type MethodName, type OutputOf } from '../../../shared/api';
import { useClient } from '../app/client-context';

export interface LiveQuery<T> {
  /** The last answer; kept while a later read fails, so a list does not flicker empty. */
  readonly value: T | null;
  readonly error: ApiError | null;
  /** Read again now (after this screen's own write, or on 刷新). */
  readonly reload: () => Promise<void>;
}

/**
 * Calls a contract method and calls it again whenever a change of one of `topics` lands in the
 * store, here or replicated from another PC (shared/api/events.ts), so shared lists (the front
 * desk's today list, a doctor's queue) follow the centre without reloading on a timer. Changes that
 * arrive while a read is in flight make one more read after it, never a pile of them.
 */
export function useLiveQuery<N extends MethodName>(method: N, input: InputOf<N>, topics: ReadonlyArray<ChangeTopic>): LiveQuery<OutputOf<N>> {
  const client = useClient();
  const [state, setState] = useState<{ value: OutputOf<N> | null; error: ApiError | null }>({ value: null, error: null });
  // Inputs and topics are compared by content: callers build them afresh on every render.
  const inputKey = JSON.stringify(input);
  const topicsKey = JSON.stringify(topics);
  const reading = useRef<{ busy: boolean; again: boolean; generation: number }>({ busy: false, again: false, generation: 0 });

  const reload = useCallback(async () => {
    const run = reading.current;
    if (run.busy) {
      run.again = true;
      return;
    }
    run.busy = true;
    const generation = run.generation;
    try {
      do {
        run.again = false;
        const result = await client.call(method, JSON.parse(inputKey) as InputOf<N>);
        // The input changed while this read was out: its answer belongs to the old one.
        if (generation !== run.generation) return;
        setState((current) => (result.ok ? { value: result.value, error: null } : { value: current.value, error: result.error }));
      } while (run.again);
    } finally {
      if (generation === run.generation) run.busy = false;
    }
  }, [client, method, inputKey]);

  useEffect(() => {
    reading.current = { busy: false, again: false, generation: reading.current.generation + 1 };
    void reload();
  }, [reload]);

  useEffect(() => {
    const wanted = JSON.parse(topicsKey) as ChangeTopic[];
    return client.onChanges((batch) => {
      if (batchConcerns(batch, wanted)) void reload();
    });
  }, [client, topicsKey, reload]);

  return { value: state.value, error: state.error, reload };
}
