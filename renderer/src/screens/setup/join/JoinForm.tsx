import { useRef } from 'react';
import type { FieldErrors } from '../../../forms/field-errors';
import { Button, KeyboardForm, TextField } from '../../../ui';
import { useInitialFocus } from '../use-initial-focus';
import type { JoinDraft } from './join-draft';
import { JOIN_TEXT as T } from './text';

interface JoinFormProps {
  readonly draft: JoinDraft;
  readonly errors: FieldErrors;
  readonly onChange: (next: JoinDraft, path: keyof JoinDraft) => void;
  readonly onSubmit: () => void;
  readonly submitting: boolean;
  /** The field to put the cursor in when the form appears (its text selected), e.g. the code after a refusal. */
  readonly focusPath?: keyof JoinDraft;
}

/** The hub's address, the pairing code, the certificate's fingerprint and this PC's name. Enter walks through, then starts. */
export function JoinForm({ draft, errors, onChange, onSubmit, submitting, focusPath }: JoinFormProps) {
  const formRef = useRef<HTMLFormElement>(null);

  useInitialFocus(formRef, focusPath);

  const field = (path: keyof JoinDraft) => ({
    path,
    value: draft[path],
    onChange: (value: string) => onChange({ ...draft, [path]: value }, path),
    error: errors[path],
    spellCheck: false,
    autoComplete: 'off',
  });

  return (
    <KeyboardForm ref={formRef} onSubmit={onSubmit} data-testid="join-form" className="grid gap-5">
      <TextField label={T.address} hint={T.addressHint} inputClassName="font-mono" maxLength={200} {...field('address')} />
      <TextField label={T.code} hint={T.codeHint} inputClassName="max-w-48 font-mono tracking-widest" inputMode="numeric" maxLength={12} {...field('code')} />
      <TextField label={T.fingerprint} hint={T.fingerprintHint} inputClassName="font-mono" maxLength={120} {...field('fingerprint')} />
      <TextField label={T.label} hint={T.labelHint} maxLength={40} {...field('label')} />
      <div className="flex items-center gap-3">
        <Button tone="primary" type="submit" disabled={submitting}>
          {T.start}
        </Button>
        {submitting && <span className="text-sm text-muted">{T.starting}</span>}
      </div>
    </KeyboardForm>
  );
}
