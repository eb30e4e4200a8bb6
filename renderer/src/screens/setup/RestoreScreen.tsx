import { useEffect, useState } from 'react';
import type { ApiError } from '../../../../shared/api';
import { useClient } from '../../app/client-context';
import { APP_TEXT } from '../../app/text';
import { Button } from '../../components/Button';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useShortcuts } from '../../keyboard/use-shortcuts';
import { fieldErrorsOf, hasFieldErrors, NO_FIELD_ERRORS, withoutField, type FieldErrors } from '../../forms/field-errors';
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
  const [draft, setDraft] = useState<RestoreDraft>(initialRestoreDraft);
  const [errors, setErrors] = useState<FieldErrors>(NO_FIELD_ERRORS);
  const [serverError, setServerError] = useState<ApiError | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [view, setView] = useState<View>(resumed ? { kind: 'progress', started: resumed } : { kind: 'form' });

  useShortcuts({ 'restore.cancel': onCancel }, { enabled: view.kind === 'form' && !submitting });

  const showErrors = (found: FieldErrors) => {
    setErrors(found);
    requestAnimationFrame(() => document.querySelector<HTMLElement>('[data-testid="restore-form"] [aria-invalid="true"]')?.focus());
  };

  const start = async () => {
    if (submitting) return;
    const found = checkRestore(draft);
    if (hasFieldErrors(found)) return showErrors(found);
    setErrors(NO_FIELD_ERRORS);
    setServerError(null);
    setSubmitting(true);
    const result = await client.api.setup.restoreFromCounty(toRestoreInput(draft));
    setSubmitting(false);
    if (result.ok) return setView({ kind: 'progress', started: result.value });
    setServerError(result.error);
    showErrors(fieldErrorsOf(result.error));
  };

  const retry = (failed: NonNullable<RestoreStatus['error']>) => setView({ kind: 'form', focusPath: focusAfter(failed.code) });

  return (
    <div className="min-h-full bg-slate-100 py-8">
      <div className="mx-auto max-w-3xl rounded-lg bg-white shadow-sm" data-testid="restore-screen">
        <header className="border-b border-slate-200 px-8 pt-6 pb-4">
          <p className="text-sm text-slate-500">{APP_TEXT.productName}</p>
          <h1 className="text-2xl font-semibold">{T.restoreTitle}</h1>
          <p className="mt-1 text-slate-600">{T.restoreIntro}</p>
        </header>
        <div className="grid gap-4 px-8 py-6">
          {view.kind === 'progress' ? (
            <RestoreProgress initial={view.started} onRetry={retry} onDone={onRestored} />
          ) : (
            <>
              {serverError && (
                <div className="grid gap-2">
                  <ErrorBanner error={serverError} onDismiss={() => setServerError(null)} />
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
                onChange={(next, path) => {
                  setDraft(next);
                  setErrors((current) => withoutField(current, path));
                }}
              />
            </>
          )}
        </div>
        {view.kind === 'form' && (
          <footer className="flex items-center gap-3 border-t border-slate-200 px-8 py-4">
            <Button onClick={onCancel} disabled={submitting}>
              {T.restoreBackToNew}
            </Button>
            <span className="flex-1 text-sm text-slate-500">{T.restoreKeyboardHint}</span>
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
