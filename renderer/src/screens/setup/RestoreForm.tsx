import { useEffect, useRef, useState } from 'react';
import type { FieldErrors } from '../../forms/field-errors';
import { focusFirstField } from '../../keyboard/enter-advances';
import { Button, FieldList, KeyboardForm } from '../../ui';
import { defaultSyncAccount, type RestoreDraft } from './restore-draft';
import { clinicCodeField, workstationField } from './setup-fields';
import { SETUP_TEXT as T } from './text';

interface RestoreFormProps {
  readonly draft: RestoreDraft;
  readonly errors: FieldErrors;
  readonly onChange: (next: RestoreDraft, path: string) => void;
  readonly onSubmit: () => void;
  readonly submitting: boolean;
  /** The field to put the cursor in when the form appears (its text selected), e.g. the password after a refusal. */
  readonly focusPath?: string;
}

/** The restore form: where the county server is and how this clinic reaches it. Enter walks through, then starts. */
export function RestoreForm({ draft, errors, onChange, onSubmit, submitting, focusPath }: RestoreFormProps) {
  const formRef = useRef<HTMLFormElement>(null);
  const [showMore, setShowMore] = useState(draft.username.trim() !== '' || 'username' in errors);

  useEffect(() => {
    const target = focusPath ? formRef.current?.querySelector<HTMLInputElement>(`[data-field="${focusPath}"] input`) : null;
    if (target) {
      target.focus();
      target.select();
    } else focusFirstField(formRef.current);
    // Only when the form appears: later renders leave the cursor where the user put it.
  }, []);

  // A message at a field hidden under 更多 opens it.
  useEffect(() => {
    if ('username' in errors) setShowMore(true);
  }, [errors]);

  return (
    <KeyboardForm ref={formRef} onSubmit={onSubmit} data-testid="restore-form" className="grid gap-5">
      <FieldList<RestoreDraft>
        draft={draft}
        errors={errors}
        onChange={onChange}
        fields={[
          {
            name: 'serverUrl',
            label: T.restoreServerUrl,
            hint: T.restoreServerUrlHint,
            inputClassName: 'font-mono',
            input: { spellCheck: false, autoComplete: 'off' },
          },
          clinicCodeField('clinicCode', 'clinicCode', T.restoreClinicCodeHint),
          { name: 'password', label: T.restorePassword, hint: T.restorePasswordHint, input: { type: 'password', maxLength: 200, autoComplete: 'off' } },
          workstationField('workstationId', T.restoreWorkstationHint),
          showMore && {
            name: 'username',
            label: T.restoreUsername,
            optional: true,
            hint: T.restoreUsernameHint(defaultSyncAccount(draft.clinicCode)),
            input: { placeholder: defaultSyncAccount(draft.clinicCode), maxLength: 64, spellCheck: false, autoComplete: 'off' },
          },
        ]}
      />
      <div className="flex items-center gap-3">
        <Button tone="primary" type="submit" disabled={submitting}>
          {T.restoreStart}
        </Button>
        <Button onClick={() => setShowMore((open) => !open)} aria-expanded={showMore}>
          {showMore ? T.restoreLess : T.restoreMore}
        </Button>
        {submitting && <span className="text-sm text-muted">{T.restoreStarting}</span>}
      </div>
    </KeyboardForm>
  );
}
