import { useEffect, useReducer, useRef } from 'react';
import type { ApiError, SessionUser } from '../../../../shared/api';
import { useClient } from '../../app/client-context';
import { APP_TEXT } from '../../app/text';
import { fieldErrorsOf } from '../../forms/field-errors';
import { focusFirstField } from '../../keyboard/enter-advances';
import { useKeymapScreen } from '../../keyboard/use-shortcuts';
import { Button, ErrorBanner, FieldList, KeyboardForm, LOWER_CASE } from '../../ui';
import { initialLoginState, loginReducer, missingLoginFields, type LoginDraft } from './login-state';
import { LOGIN_TEXT as T } from './text';

interface LoginScreenProps {
  readonly clinicName: string | null;
  /** Why the user is here again (session expired), shown until they try to log in. */
  readonly reason: ApiError | null;
  readonly onLoggedIn: (user: SessionUser) => void;
}

export function LoginScreen({ clinicName, reason, onLoggedIn }: LoginScreenProps) {
  const client = useClient();
  const [{ draft, errors, error, submitting }, dispatch] = useReducer(loginReducer, reason, initialLoginState);
  useKeymapScreen('login');
  const formRef = useRef<HTMLFormElement>(null);

  useEffect(() => focusFirstField(formRef.current), []);

  const submit = async () => {
    if (submitting) return;
    const missing = missingLoginFields(draft);
    if (missing) return dispatch({ type: 'missing', errors: missing });
    dispatch({ type: 'submitted' });
    const result = await client.api.auth.login({ username: draft.username.trim(), password: draft.password });
    if (result.ok) return onLoggedIn(result.value.user);
    dispatch({ type: 'refused', error: result.error, errors: fieldErrorsOf(result.error) });
    // The usual mistake is the password: it was cleared; the cursor goes back there.
    formRef.current?.querySelector<HTMLInputElement>('[data-field="password"] input')?.focus();
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
        <FieldList<LoginDraft>
          draft={draft}
          errors={errors}
          onChange={(next, ...fields) => dispatch({ type: 'edit', draft: next, fields })}
          fields={[
            { name: 'username', label: T.username, normalise: LOWER_CASE, input: { autoComplete: 'username', spellCheck: false } },
            { name: 'password', label: T.password, input: { type: 'password', autoComplete: 'current-password' } },
          ]}
        />
        <Button tone="primary" type="submit" disabled={submitting}>
          {submitting ? T.submitting : T.submit}
        </Button>
        <p className="text-sm text-muted">{T.forgotten}</p>
      </KeyboardForm>
    </div>
  );
}
