import { useState } from 'react';
import { useClient } from '../../../app/client-context';
import { useShortcuts } from '../../../keyboard/use-shortcuts';
import { useForm } from '../../../ui';
import { FirstRunFrame } from '../FirstRunFrame';
import type { RestoreStatus } from '../restore-draft';
import { RestoreProgress } from '../RestoreProgress';
import { focusFirstInvalidIn, useFirstRunStart } from '../use-first-run-start';
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
  const [view, setView] = useState<View>({ kind: 'form' });
  const progress = usePolledRestore(view.kind === 'progress' ? view.started : null);

  useShortcuts({ 'restore.cancel': onCancel }, { enabled: view.kind === 'form' && !form.saving });

  const start = useFirstRunStart(form, {
    check: checkJoin,
    send: (draft) => client.api.hub.join(toJoinInput(draft)),
    onStarted: (started) => setView({ kind: 'progress', started }),
    // A refused code or fingerprint: the cursor goes to the field to fix, its text selected.
    onRefused: (error) =>
      requestAnimationFrame(() => {
        const input = document.querySelector<HTMLInputElement>(`[data-testid="join-form"] [data-field="${focusAfterJoinFailure(error.message)}"] input`);
        input?.focus();
        input?.select();
      }),
    focusFirstInvalid: focusFirstInvalidIn('join-form'),
  });
  const backToForm = () => setView({ kind: 'form', focusPath: 'address' });

  return (
    <FirstRunFrame
      testId="join-screen"
      title={T.title}
      intro={T.intro}
      form={form}
      formShown={view.kind === 'form'}
      onGoToLogin={onJoined}
      back={{ label: T.backToNew, onBack: onCancel, hint: T.keyboardHint }}
      progress={progress && <RestoreProgress status={progress} onRetry={backToForm} onEdit={backToForm} retrying={false} onDone={onJoined} />}
    >
      <JoinForm
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
