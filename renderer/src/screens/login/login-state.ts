import type { ApiError } from '../../../../shared/api';
import { missingCase } from '../../../../shared/missing-case';
import { hasFieldErrors, NO_FIELD_ERRORS, withoutField, type FieldErrors } from '../../forms/field-errors';
import { LOGIN_TEXT as T } from './text';

export interface LoginDraft {
  readonly username: string;
  readonly password: string;
}

/** The login screen: what is typed, the messages at the fields and above them, and whether a login is under way. */
export interface LoginState {
  readonly draft: LoginDraft;
  readonly errors: FieldErrors;
  readonly error: ApiError | null;
  readonly submitting: boolean;
}

export type LoginAction =
  | { readonly type: 'edit'; readonly draft: LoginDraft; readonly fields: ReadonlyArray<string> }
  | { readonly type: 'missing'; readonly errors: FieldErrors }
  | { readonly type: 'submitted' }
  /** Refused: the password is cleared (it is the usual mistake); the login name stays. */
  | { readonly type: 'refused'; readonly error: ApiError; readonly errors: FieldErrors };

/** `reason`: why the user is here again (the session expired), shown until they try to log in. */
export function initialLoginState(reason: ApiError | null): LoginState {
  return { draft: { username: '', password: '' }, errors: NO_FIELD_ERRORS, error: reason, submitting: false };
}

export function loginReducer(state: LoginState, action: LoginAction): LoginState {
  switch (action.type) {
    case 'edit':
      return { ...state, draft: action.draft, errors: action.fields.reduce(withoutField, state.errors) };
    case 'missing':
      return { ...state, errors: action.errors };
    case 'submitted':
      return { ...state, submitting: true };
    case 'refused':
      return { ...state, submitting: false, error: action.error, errors: action.errors, draft: { ...state.draft, password: '' } };
    default:
      return missingCase(action);
  }
}

/** What is missing before asking the server. */
export function missingLoginFields(draft: LoginDraft): FieldErrors | null {
  const missing: Record<string, string> = {};
  if (draft.username.trim() === '') missing.username = T.usernameRequired;
  if (draft.password === '') missing.password = T.passwordRequired;
  return hasFieldErrors(missing) ? missing : null;
}
