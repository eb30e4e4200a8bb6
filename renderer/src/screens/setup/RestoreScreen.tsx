import { useEffect, useState } from 'react';
import { useClient } from '../../app/client-context';
import { APP_TEXT } from '../../app/text';
import { fieldErrorsOf, hasFieldErrors } from '../../forms/field-errors';
import { useShortcuts } from '../../keyboard/use-shortcuts';
import { Button, ErrorBanner, useForm } from '../../ui';
import { checkRestore, initialRestoreDraft, toRestoreInput, type RestoreDraft, type RestoreStatus } from './restore-draft';
import { RestoreForm } from './RestoreForm';
import { RestoreProgress } from './RestoreProgress';
import { SETUP_TEXT as T } from './text';

type View = { readonly kind: 'form'; readonly focusPath?: string } | { readonly kind: 'progress'; readonly started: RestoreStatus };

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
  const [view, setView] = useState<View>(resumed ? { kind: 'progress', started: resumed } : { kind: 'form' });

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
      return setView({ kind: 'progress', started: result.value });
    }
    dispatch({ type: 'saveFailed', error: result.error, errors: fieldErrorsOf(result.error) });
    focusFirstInvalid();
  };

  const retry = (failed: NonNullable<RestoreStatus['error']>) => setView({ kind: 'form', focusPath: focusAfter(failed.code) });

  return (
    <div className="min-h-full bg-canvas py-8">
      <div className="mx-auto max-w-3xl rounded-lg bg-surface shadow-sm" data-testid="restore-screen">
        <header className="border-b border-border-soft px-8 pt-6 pb-4">
          <p className="text-sm text-muted">{APP_TEXT.productName}</p>
          <h1 className="text-2xl font-semibold">{T.restoreTitle}</h1>
          <p className="mt-1 text-ink-soft">{T.restoreIntro}</p>
        </header>
        <div className="grid gap-4 px-8 py-6">
          {view.kind === 'progress' ? (
            <RestoreProgress initial={view.started} onRetry={retry} onDone={onRestored} />
          ) : (
            <>
              {serverError && (
                <div className="grid gap-2">
                  <ErrorBanner error={serverError} onDismiss={() => dispatch({ type: 'dismissError' })} />
                  {serverError.code === 'ALREADY_SET_UP' && (
                    <div>
                      <Button tone="primary" onClick={onRestored}>
                        {T.goToLogin}
                      </Button>
                    </div>
                  )}
                </div>
              )}
              <RestoreForm
                draft={draft}
                errors={errors}
                submitting={submitting}
                focusPath={view.focusPath}
                onSubmit={() => void start()}
                onChange={(next, path) => form.edit(next, path)}
              />
            </>
          )}
        </div>
        {view.kind === 'form' && (
          <footer className="flex items-center gap-3 border-t border-border-soft px-8 py-4">
            <Button onClick={onCancel} disabled={submitting}>
              {T.restoreBackToNew}
            </Button>
            <span className="flex-1 text-sm text-muted">{T.restoreKeyboardHint}</span>
          </footer>
        )}
      </div>
    </div>
  );
}

/** Where the cursor goes when the person comes back to fix something: the password after a refusal, say. */
function focusAfter(code: string): string {
  if (code === 'SYNC_AUTH_FAILED') return 'password';
  if (code === 'RESTORE_EMPTY') return 'clinicCode';
  return 'serverUrl';
}
