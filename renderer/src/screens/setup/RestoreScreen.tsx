import { useReducer } from 'react';
import { useClient } from '../../app/client-context';
import { hasFieldErrors } from '../../forms/field-errors';
import { useShortcuts } from '../../keyboard/use-shortcuts';
import { useForm } from '../../ui';
import { FirstRunFrame } from './FirstRunFrame';
import { checkRestore, initialRestoreDraft, toRestoreInput, type RestoreDraft, type RestoreStatus } from './restore-draft';
import { RestoreForm } from './RestoreForm';
import { RestoreProgress } from './RestoreProgress';
import { initialRestoreView, isPolling, restoreReducer } from './restore-state';
import { SETUP_TEXT as T } from './text';
import { focusFirstInvalidIn, useFirstRunStart } from './use-first-run-start';
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
  const [view, show] = useReducer(restoreReducer, resumed, initialRestoreView);
  const polling = isPolling(view);

  useRestorePolling(polling, (status) => show({ type: 'polled', status }));

  useShortcuts({ 'restore.cancel': onCancel }, { enabled: view.kind === 'form' && !form.saving });

  // The fields are found by aria-invalid once drawn: a refusal may name a field under 更多 that opens first.
  const focusFirstInvalid = focusFirstInvalidIn('restore-form');
  const start = useFirstRunStart(form, {
    check: checkRestore,
    send: (draft) => client.api.setup.restoreFromCounty(toRestoreInput(draft)),
    onStarted: (status) => show({ type: 'started', status }),
    // A refused 重试 is told on the form, where it can be corrected.
    onRefused: () => {
      show({ type: 'edit', code: null });
      focusFirstInvalid();
    },
    focusFirstInvalid,
  });

  // 重试 sends what is on the form again; after a reload the form is empty (the password is never kept), so it opens instead.
  const canRetry = !hasFieldErrors(checkRestore(form.draft));
  const retry = (failed: NonNullable<RestoreStatus['error']>) => (canRetry ? void start() : show({ type: 'edit', code: failed.code }));

  return (
    <FirstRunFrame
      testId="restore-screen"
      title={T.restoreTitle}
      intro={T.restoreIntro}
      form={form}
      formShown={view.kind === 'form'}
      onGoToLogin={onRestored}
      back={{ label: T.restoreBackToNew, onBack: onCancel, hint: T.restoreKeyboardHint }}
      progress={
        view.kind === 'progress' && (
          <RestoreProgress
            status={view.status}
            onRetry={retry}
            onEdit={(failed) => show({ type: 'edit', code: failed.code })}
            retrying={form.saving}
            onDone={onRestored}
          />
        )
      }
    >
      <RestoreForm
        draft={form.draft}
        errors={form.errors}
        submitting={form.saving}
        focusPath={view.kind === 'form' ? view.focusPath : undefined}
        onSubmit={() => void start()}
        onChange={(next, path) => form.edit(next, path)}
      />
    </FirstRunFrame>
  );
}
