import { TextField } from '../../ui';
import type { StepProps } from './step-props';
import { SETUP_TEXT as T } from './text';

export function AdminStep({ draft, errors, onChange }: StepProps) {
  return (
    <div className="grid gap-5">
      <p className="text-ink-soft">{T.adminIntro}</p>
      <TextField
        label={T.adminUsername}
        path="admin.username"
        value={draft.adminUsername}
        onChange={(value) => onChange({ ...draft, adminUsername: value.toLowerCase() }, 'admin.username')}
        error={errors['admin.username']}
        hint={T.adminUsernameHint}
        maxLength={32}
        autoComplete="off"
        spellCheck={false}
      />
      <TextField
        label={T.adminDisplayName}
        path="admin.displayName"
        value={draft.adminDisplayName}
        onChange={(adminDisplayName) => onChange({ ...draft, adminDisplayName }, 'admin.displayName')}
        error={errors['admin.displayName']}
        maxLength={30}
      />
      <TextField
        label={T.adminPassword}
        path="admin.password"
        type="password"
        value={draft.adminPassword}
        onChange={(adminPassword) => onChange({ ...draft, adminPassword }, 'admin.password', 'admin.passwordAgain')}
        error={errors['admin.password']}
        hint={T.adminPasswordHint}
        autoComplete="new-password"
      />
      <TextField
        label={T.adminPasswordAgain}
        path="admin.passwordAgain"
        type="password"
        value={draft.adminPasswordAgain}
        onChange={(adminPasswordAgain) => onChange({ ...draft, adminPasswordAgain }, 'admin.passwordAgain')}
        error={errors['admin.passwordAgain']}
        autoComplete="new-password"
      />
    </div>
  );
}
