import { useState } from 'react';
import { useClient } from '../../../app/client-context';
import { APP_TEXT } from '../../../app/text';
import { fieldErrorsOf, hasFieldErrors } from '../../../forms/field-errors';
import { useShortcuts } from '../../../keyboard/use-shortcuts';
import { Button, ErrorBanner, useForm } from '../../../ui';
import type { RestoreStatus } from '../restore-draft';
import { RestoreProgress } from '../RestoreProgress';
import { SETUP_TEXT } from '../text';
import { checkJoin, focusAfterJoinFailure, initialJoinDraft, toJoinInput, type JoinDraft } from './join-draft';
import { JoinForm } from './JoinForm';
import { JOIN_TEXT as T } from './text';

type View = { readonly kind: 'form'; readonly focusPath?: keyof JoinDraft } | { readonly kind: 'progress'; readonly started: RestoreStatus };

interface JoinScreenProps {
  /** Back to setting up a new clinic. */
  readonly onCancel: () => void;
  /** Joined (or set up meanwhile): on to login. */
  readonly onJoined: () => void;
}

/** 加入本院: pair with the centre's hub, then the pull's progress (the restore's own screen), then login. */
export function JoinScreen({ onCancel, onJoined }: JoinScreenProps) {
  const client = useClient();
  const form = useForm<JoinDraft>(initialJoinDraft());
  const { draft, errors, error: serverError, saving: submitting, dispatch } = form;
  const [view, setView] = useState<View>({ kind: 'form' });

  useShortcuts({ 'restore.cancel': onCancel }, { enabled: view.kind === 'form' && !submitting });

  const focusFirstInvalid = () => requestAnimationFrame(() => document.querySelector<HTMLElement>('[data-testid="join-form"] [aria-invalid="true"]')?.focus());

  const start = async () => {
    if (submitting) return;
    const found = checkJoin(draft);
    dispatch({ type: 'showErrors', errors: found });
    if (hasFieldErrors(found)) return focusFirstInvalid();
    dispatch({ type: 'dismissError' });
    dispatch({ type: 'saveStarted' });
    const result = await client.api.hub.join(toJoinInput(draft));
    if (result.ok) {
      dispatch({ type: 'saved', draft, notice: null });
      return setView({ kind: 'progress', started: result.value });
    }
    dispatch({ type: 'saveFailed', error: result.error, errors: fieldErrorsOf(result.error) });
    // A refused code or fingerprint: the cursor goes to the field to fix, its text selected.
    requestAnimationFrame(() => {
      const input = document.querySelector<HTMLInputElement>(`[data-testid="join-form"] [data-field="${focusAfterJoinFailure(result.error.message)}"] input`);
      input?.focus();
      input?.select();
    });
  };

  return (
    <div className="min-h-full bg-canvas py-8">
      <div className="mx-auto max-w-3xl rounded-lg bg-surface shadow-sm" data-testid="join-screen">
        <header className="border-b border-border-soft px-8 pt-6 pb-4">
          <p className="text-sm text-muted">{APP_TEXT.productName}</p>
          <h1 className="text-2xl font-semibold">{T.title}</h1>
          <p className="mt-1 text-ink-soft">{T.intro}</p>
        </header>
        <div className="grid gap-4 px-8 py-6">
          {view.kind === 'progress' ? (
            <RestoreProgress initial={view.started} onRetry={() => setView({ kind: 'form', focusPath: 'address' })} onDone={onJoined} />
          ) : (
            <>
              {serverError && (
                <div className="grid gap-2">
                  <ErrorBanner error={serverError} onDismiss={() => dispatch({ type: 'dismissError' })} />
                  {serverError.code === 'ALREADY_SET_UP' && (
                    <div>
                      <Button tone="primary" onClick={onJoined}>
                        {SETUP_TEXT.goToLogin}
                      </Button>
                    </div>
                  )}
                </div>
              )}
              <JoinForm
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
              {T.backToNew}
            </Button>
            <span className="flex-1 text-sm text-muted">{T.keyboardHint}</span>
          </footer>
        )}
      </div>
    </div>
  );
}
