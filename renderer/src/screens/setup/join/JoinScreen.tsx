import { useState } from 'react';
import { useClient } from '../../../app/client-context';
import { fieldErrorsOf, hasFieldErrors } from '../../../forms/field-errors';
import { useShortcuts } from '../../../keyboard/use-shortcuts';
import { useForm } from '../../../ui';
import { FirstRunFrame } from '../FirstRunFrame';
import type { RestoreStatus } from '../restore-draft';
import { RestoreProgress } from '../RestoreProgress';
import { usePolledRestore } from '../use-polled-restore';
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
  const progress = usePolledRestore(view.kind === 'progress' ? view.started : null);

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
    <FirstRunFrame
      testId="join-screen"
      title={T.title}
      intro={T.intro}
      error={view.kind === 'form' ? serverError : null}
      onDismissError={() => dispatch({ type: 'dismissError' })}
      onGoToLogin={onJoined}
      footer={view.kind === 'form' ? { backLabel: T.backToNew, onBack: onCancel, hint: T.keyboardHint, disabled: submitting } : null}
    >
      {view.kind === 'progress' ? (
        progress && (
          <RestoreProgress
            status={progress}
            onRetry={() => setView({ kind: 'form', focusPath: 'address' })}
            onEdit={() => setView({ kind: 'form', focusPath: 'address' })}
            retrying={false}
            onDone={onJoined}
          />
        )
      ) : (
        <JoinForm
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
