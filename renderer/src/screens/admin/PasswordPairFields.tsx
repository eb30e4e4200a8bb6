import type { FieldErrors } from '../../forms/field-errors';
import { TextField } from '../../ui';

interface PasswordPairFieldsProps {
  readonly labels: { readonly password: string; readonly again: string; readonly hint: string };
  readonly draft: { readonly password: string; readonly passwordAgain: string };
  readonly errors: FieldErrors;
  /** The change, and the fields whose errors it clears (typing the first clears the mismatch too). */
  readonly edit: (patch: { password?: string; passwordAgain?: string }, ...fields: string[]) => void;
}

/** A password typed twice (fields `password` and `passwordAgain`), for a new account or a new password. */
export function PasswordPairFields({ labels, draft, errors, edit }: PasswordPairFieldsProps) {
  return (
    <div className="grid gap-3 sm:grid-cols-2">
      <TextField
        label={labels.password}
        path="password"
        type="password"
        value={draft.password}
        onChange={(password) => edit({ password }, 'password', 'passwordAgain')}
        error={errors.password}
        hint={labels.hint}
        autoComplete="new-password"
      />
      <TextField
        label={labels.again}
        path="passwordAgain"
        type="password"
        value={draft.passwordAgain}
        onChange={(passwordAgain) => edit({ passwordAgain }, 'passwordAgain')}
        error={errors.passwordAgain}
        autoComplete="new-password"
      />
    </div>
  );
}
