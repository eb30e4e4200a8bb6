import { useEffect, useRef, useState } from 'react';
import type { ApiError, SessionUser } from '../../../../shared/api';
import { useClient } from '../../app/client-context';
import { APP_TEXT } from '../../app/text';
import { fieldErrorsOf, hasFieldErrors, NO_FIELD_ERRORS, withoutField, type FieldErrors } from '../../forms/field-errors';
import { focusFirstField } from '../../keyboard/enter-advances';
import { useKeymapScreen } from '../../keyboard/use-shortcuts';
import { Button, ErrorBanner, KeyboardForm, TextField } from '../../ui';
import { LOGIN_TEXT as T } from './text';

interface LoginScreenProps {
  readonly clinicName: string | null;
  /** Why the user is here again (session expired), shown until they try to log in. */
  readonly reason: ApiError | null;
  readonly onLoggedIn: (user: SessionUser) => void;
}

export function LoginScreen({ clinicName, reason, onLoggedIn }: LoginScreenProps) {
  const client = useClient();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FieldErrors>(NO_FIELD_ERRORS);
  const [error, setError] = useState<ApiError | null>(reason);
  const [submitting, setSubmitting] = useState(false);
  useKeymapScreen('login');
  const formRef = useRef<HTMLFormElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);

  useEffect(() => focusFirstField(formRef.current), []);

  const submit = async () => {
    if (submitting) return;
    const missing: Record<string, string> = {};
    if (username.trim() === '') missing.username = T.usernameRequired;
    if (password === '') missing.password = T.passwordRequired;
    if (hasFieldErrors(missing)) return setErrors(missing);

    setSubmitting(true);
    const result = await client.api.auth.login({ username: username.trim(), password });
    setSubmitting(false);
    if (result.ok) return onLoggedIn(result.value.user);
    setError(result.error);
    setErrors(fieldErrorsOf(result.error));
    // The usual mistake is the password: clear it and put the cursor back there.
    setPassword('');
    passwordRef.current?.focus();
  };

  return (
    <div className="flex min-h-full items-center justify-center bg-canvas p-6">
      <KeyboardForm
        ref={formRef}
        data-testid="login-form"
        onSubmit={() => void submit()}
        className="grid w-full max-w-md gap-5 rounded-lg bg-surface px-8 py-8 shadow-sm"
      >
        <div>
          <p className="text-sm text-muted">{APP_TEXT.productName}</p>
          <h1 className="text-2xl font-semibold" data-testid="login-clinic-name">
            {clinicName ?? T.title}
          </h1>
          {clinicName && <p className="mt-1 text-ink-soft">{T.title}</p>}
        </div>
        <ErrorBanner error={error} />
        <TextField
          label={T.username}
          path="username"
          value={username}
          onChange={(value) => {
            setUsername(value.toLowerCase());
            setErrors((current) => withoutField(current, 'username'));
          }}
          error={errors.username}
          autoComplete="username"
          spellCheck={false}
        />
        <TextField
          label={T.password}
          path="password"
          type="password"
          inputRef={passwordRef}
          value={password}
          onChange={(value) => {
            setPassword(value);
            setErrors((current) => withoutField(current, 'password'));
          }}
          error={errors.password}
          autoComplete="current-password"
        />
        <Button tone="primary" type="submit" disabled={submitting}>
          {submitting ? T.submitting : T.submit}
        </Button>
        <p className="text-sm text-muted">{T.forgotten}</p>
      </KeyboardForm>
    </div>
  );
}
