import { useEffect, useRef, useState } from 'react';
import type { FieldErrors } from '../../forms/field-errors';
import { Button, KeyboardForm, TextField } from '../../ui';
import { defaultSyncAccount, type RestoreDraft } from './restore-draft';
import { SETUP_TEXT as T } from './text';
import { useInitialFocus } from './use-initial-focus';

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

  useInitialFocus(formRef, focusPath);

  // A message at a field hidden under 更多 opens it.
  useEffect(() => {
    if ('username' in errors) setShowMore(true);
  }, [errors]);

  return (
    <KeyboardForm ref={formRef} onSubmit={onSubmit} data-testid="restore-form" className="grid gap-5">
      <TextField
        label={T.restoreServerUrl}
        path="serverUrl"
        value={draft.serverUrl}
        onChange={(serverUrl) => onChange({ ...draft, serverUrl }, 'serverUrl')}
        error={errors.serverUrl}
        hint={T.restoreServerUrlHint}
        inputClassName="font-mono"
        spellCheck={false}
        autoComplete="off"
      />
      <TextField
        label={T.clinicCode}
        path="clinicCode"
        value={draft.clinicCode}
        // Codes are lower case; accept capitals as typed rather than reject them.
        onChange={(value) => onChange({ ...draft, clinicCode: value.toLowerCase() }, 'clinicCode')}
        error={errors.clinicCode}
        hint={T.restoreClinicCodeHint}
        maxLength={31}
        spellCheck={false}
        autoComplete="off"
      />
      <TextField
        label={T.restorePassword}
        path="password"
        type="password"
        value={draft.password}
        onChange={(password) => onChange({ ...draft, password }, 'password')}
        error={errors.password}
        hint={T.restorePasswordHint}
        maxLength={200}
        autoComplete="off"
      />
      <TextField
        label={T.workstationId}
        path="workstationId"
        value={draft.workstationId}
        onChange={(value) => onChange({ ...draft, workstationId: value.toUpperCase() }, 'workstationId')}
        error={errors.workstationId}
        hint={T.restoreWorkstationHint}
        maxLength={8}
        inputClassName="max-w-48"
        spellCheck={false}
        autoComplete="off"
      />
      {showMore && (
        <TextField
          label={T.restoreUsername}
          path="username"
          optional
          value={draft.username}
          onChange={(username) => onChange({ ...draft, username }, 'username')}
          error={errors.username}
          hint={T.restoreUsernameHint(defaultSyncAccount(draft.clinicCode))}
          placeholder={defaultSyncAccount(draft.clinicCode)}
          maxLength={64}
          spellCheck={false}
          autoComplete="off"
        />
      )}
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
