import { useCallback, useEffect, useReducer, useState } from 'react';
import type { ApiResult, OutputOf } from '../../../../../shared/api';
import { useClient } from '../../../app/client-context';
import { importReducer, initialImport, type ImportAction, type ImportState } from './import-state';
import { DICTIONARY_TEXT as T } from './text';

/** The upload limit the back end enforces too (electron/services/dictionary/import-file.ts). */
const MAX_FILE_BYTES = 3 * 1024 * 1024;
const PROGRESS_POLL_MS = 300;

export interface ChosenFile {
  readonly fileName: string;
  readonly content: string;
}

/** The file's bytes as base64, in slices (a 3 MB spread into String.fromCharCode overflows the stack). */
async function base64Of(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

type Progress = OutputOf<'dictionary.importProgress'>;

/** What the progress line says while a long step runs. */
export function progressText(progress: Progress | null, step: ImportState<unknown>['step']): string {
  if (step === 'saving') return T.saving;
  if (progress?.phase === 'checking' && progress.total > 0) return T.checking(progress.done, progress.total);
  return T.reading;
}

/**
 * One import on a screen: the chosen file, the steps (import-state.ts), and the back end's progress,
 * polled while a step runs. `preview` and `apply` are the domain's two calls.
 */
export function useImport<P extends { readonly token: string }, R>(options: {
  readonly preview: (file: ChosenFile) => Promise<ApiResult<P>>;
  readonly apply: (token: string) => Promise<ApiResult<R>>;
  readonly noticeOf: (applied: R) => string;
  readonly onApplied?: () => void;
}) {
  const client = useClient();
  const [state, dispatch] = useReducer(importReducer as (s: ImportState<P>, a: ImportAction<P>) => ImportState<P>, initialImport);
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<Progress | null>(null);
  const busy = state.step === 'checking' || state.step === 'saving';

  useEffect(() => {
    if (!busy) return;
    const timer = setInterval(() => {
      void client.api.dictionary.importProgress({}).then((result) => result.ok && setProgress(result.value));
    }, PROGRESS_POLL_MS);
    return () => {
      clearInterval(timer);
      setProgress(null);
    };
  }, [busy, client]);

  const check = useCallback(async () => {
    if (!file) return;
    if (file.size > MAX_FILE_BYTES) {
      dispatch({ type: 'failed', error: { code: 'VALIDATION_FAILED', message: T.fileTooLarge } });
      return;
    }
    dispatch({ type: 'check' });
    const result = await options.preview({ fileName: file.name, content: await base64Of(file) });
    dispatch(result.ok ? { type: 'checked', preview: result.value } : { type: 'failed', error: result.error });
  }, [file, options]);

  const apply = useCallback(async () => {
    if (state.step !== 'preview') return;
    dispatch({ type: 'apply' });
    const result = await options.apply(state.preview.token);
    if (!result.ok) {
      dispatch({ type: 'failed', error: result.error });
      return;
    }
    dispatch({ type: 'applied', notice: options.noticeOf(result.value) });
    setFile(null);
    options.onApplied?.();
  }, [options, state]);

  return { state, file, setFile, progress: busy ? progressText(progress, state.step) : null, check, apply, cancel: () => dispatch({ type: 'cancel' }) };
}
