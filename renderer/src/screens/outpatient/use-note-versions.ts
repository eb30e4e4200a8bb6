import { useCallback, useEffect, useState } from 'react';
import type { AmendmentHistoryView } from '../../../../shared/api';
import { useClient } from '../../app/client-context';

/** The versions of a signed note (original and every 更正), read again after each 更正; null while unsigned. */
export function useNoteVersions(noteId: string | null) {
  const client = useClient();
  const [history, setHistory] = useState<AmendmentHistoryView | null>(null);
  const load = useCallback(async () => {
    if (!noteId) return setHistory(null);
    const result = await client.api.amendments.history({ targetId: noteId });
    setHistory(result.ok ? result.value : null);
  }, [client, noteId]);
  useEffect(() => {
    setHistory(null);
    void load();
  }, [load]);
  return { history, reload: load };
}
