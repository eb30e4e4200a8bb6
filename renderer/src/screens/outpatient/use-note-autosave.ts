import { useEffect, useRef, type Dispatch } from 'react';
import { useClient } from '../../app/client-context';
import type { OutpatientAction, OutpatientState } from './outpatient-state';

/** Every 2.5 s: a power cut loses at most that much typing (issue: drafts every 2–3 s). */
export const AUTOSAVE_INTERVAL_MS = 2500;

/**
 * Writes the note form to this PC's drafts whenever it changed since the last autosave. The draft
 * is the form as typed (half-typed numbers too), so reopening the visit puts the doctor back where
 * they were.
 */
export function useNoteAutosave(state: OutpatientState, dispatch: Dispatch<OutpatientAction>, editable: boolean): void {
  const client = useClient();
  const current = useRef(state);
  current.current = state;

  useEffect(() => {
    if (!editable) return;
    const timer = window.setInterval(() => {
      const { chart, form, editVersion, draftVersion } = current.current;
      if (!chart || editVersion === draftVersion) return;
      void client.api.outpatient.saveDraft({ encounterId: chart.visit.id, content: { ...form } }).then((result) => {
        if (result.ok) dispatch({ type: 'draftSaved', version: editVersion, savedAt: result.value.savedAt });
      });
    }, AUTOSAVE_INTERVAL_MS);
    return () => window.clearInterval(timer);
  }, [client, dispatch, editable]);
}
