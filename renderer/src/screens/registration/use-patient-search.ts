import { useEffect, useState } from 'react';
import type { ApiError, OutputOf } from '../../../../shared/api';
import { useClient } from '../../app/client-context';

export type SearchOutput = OutputOf<'patients.search'>;

export interface PatientSearchState {
  /** The query these results are for ('' when nothing is typed). */
  readonly query: string;
  readonly output: SearchOutput | null;
  readonly searching: boolean;
  readonly error: ApiError | null;
}

/** Waits this long after the last key before asking; fast typists send one query, not five. */
export const SEARCH_DEBOUNCE_MS = 120;

/** Instant search: asks as the registrar types, and drops answers to queries already typed over. */
export function usePatientSearch(query: string): PatientSearchState {
  const client = useClient();
  const [state, setState] = useState<PatientSearchState>({ query: '', output: null, searching: false, error: null });
  const text = query.trim();

  useEffect(() => {
    if (text === '') {
      setState({ query: '', output: null, searching: false, error: null });
      return;
    }
    let current = true;
    setState((previous) => ({ ...previous, searching: true }));
    const timer = setTimeout(async () => {
      const result = await client.api.patients.search({ query: text, limit: 20 });
      if (!current) return;
      setState(
        result.ok ? { query: text, output: result.value, searching: false, error: null } : { query: text, output: null, searching: false, error: result.error },
      );
    }, SEARCH_DEBOUNCE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [client, text]);

  return state;
}
