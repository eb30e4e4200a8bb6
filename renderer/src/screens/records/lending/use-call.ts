import { useCallback, useState } from 'react';
import type { ApiError, ApiResult } from '../../../../../shared/api';

/** One desk action at a time: its refusal or what it did, for the panel's banner and status line. */
export function useDeskCall() {
  const [error, setError] = useState<ApiError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const run = useCallback(async <T>(call: () => Promise<ApiResult<T>>, done: (value: T) => string | null): Promise<T | null> => {
    setBusy(true);
    try {
      const result = await call();
      if (!result.ok) {
        setError(result.error);
        setNotice(null);
        return null;
      }
      setError(null);
      setNotice(done(result.value));
      return result.value;
    } finally {
      setBusy(false);
    }
  }, []);
  return { error, notice, busy, run, clear: () => setError(null) };
}

/** The message of a field's refusal, shown under the field. */
export const fieldError = (error: ApiError | null, path: string): string | undefined => error?.fields?.find((f) => f.path === path)?.message;
