import { useReducer } from 'react';
import { useClient } from '../../app/client-context';
import { fieldErrorsOf, hasFieldErrors } from '../../forms/field-errors';
import { useShortcuts } from '../../keyboard/use-shortcuts';
import { useForm } from '../../ui';
import { FirstRunFrame } from './FirstRunFrame';
import { checkRestore, initialRestoreDraft, toRestoreInput, type RestoreDraft, type RestoreStatus } from './restore-draft';
import { RestoreForm } from './RestoreForm';
import { RestoreProgress } from './RestoreProgress';
import { initialRestoreView, isPolling, restoreReducer } from './restore-state';
import { SETUP_TEXT as T } from './text';
import { useRestorePolling } from './use-polled-restore';

interface RestoreScreenProps {
  /** A restore found running when the screen opened: its progress is shown at once. */
  readonly resumed?: RestoreStatus | null;
  /** Back to setting up a new clinic. */
  readonly onCancel: () => void;
  /** Restored (or set up meanwhile): on to login. */
  readonly onRestored: () => void;
}

/** The first-run path for a replacement PC: the form, then the restore's progress, then login. */
export function RestoreScreen({ resumed, onCancel, onRestored }: RestoreScreenProps) {
  const client = useClient();
  const form = useForm<RestoreDraft>(initialRestoreDraft());
  const { draft, errors, error: serverError, saving: submitting, dispatch } = form;
  const [view, show] = useReducer(restoreReducer, resumed, initialRestoreView);
  const polling = isPolling(view);

  useRestorePolling(polling, (status) => show({ type: 'polled', status }));

  useShortcuts({ 'restore.cancel': onCancel }, { enabled: view.kind === 'form' && !submitting });

  // The fields are found by aria-invalid once drawn: a refusal may name a field under 更多 that opens first.
  const focusFirstInvalid = () =>
    requestAnimationFrame(() => document.querySelector<HTMLElement>('[data-testid="restore-form"] [aria-invalid="true"]')?.focus());

  const start = async () => {
    if (submitting) return;
    const found = checkRestore(draft);
    dispatch({ type: 'showErrors', errors: found });
    if (hasFieldErrors(found)) return focusFirstInvalid();
    dispatch({ type: 'dismissError' });
    dispatch({ type: 'saveStarted' });
    const result = await client.api.setup.restoreFromCounty(toRestoreInput(draft));
    if (result.ok) {
      dispatch({ type: 'saved', draft, notice: null });
      return show({ type: 'started', status: result.value });
    }
    dispatch({ type: 'saveFailed', error: result.error, errors: fieldErrorsOf(result.error) });
    // A refused 重试 is told on the form, where it can be corrected.
    show({ type: 'edit', code: null });
    focusFirstInvalid();
  };

  // 重试 sends what is on the form again; after a reload the form is empty (the password is never kept), so it opens instead.
  const canRetry = !hasFieldErrors(checkRestore(draft));
  const retry = (failed: NonNullable<RestoreStatus['error']>) => (canRetry ? void start() : show({ type: 'edit', code: failed.code }));

  return (
    <FirstRunFrame
      testId="restore-screen"
      title={T.restoreTitle}
      intro={T.restoreIntro}
      error={view.kind === 'form' ? serverError : null}
      onDismissError={() => dispatch({ type: 'dismissError' })}
      onGoToLogin={onRestored}
      footer={view.kind === 'form' ? { backLabel: T.restoreBackToNew, onBack: onCancel, hint: T.restoreKeyboardHint, disabled: submitting } : null}
    >
      {view.kind === 'progress' ? (
        <RestoreProgress
          status={view.status}
          onRetry={retry}
          onEdit={(failed) => show({ type: 'edit', code: failed.code })}
          retrying={submitting}
          onDone={onRestored}
        />
      ) : (
        <RestoreForm
          draft={draft}
          errors={errors}
          submitting={submitting}
          focusPath={view.focusPath}
          onSubmit={() => void start()}
          onChange={(next, path) => form.edit(next, path)}
        />
      )}
    </FirstRunFrame>
  );
}
