import { contract, type InputOf } from '../../../../shared/api';
import type { Role } from '../../../../shared/permissions';
import { checkWithSchema } from '../../forms/check-with-schema';
import { mergeFieldErrors, type FieldErrors } from '../../forms/field-errors';
import { ADMIN_TEXT as T } from './text';

export interface UserDraft {
  readonly username: string;
  readonly displayName: string;
  readonly roles: ReadonlyArray<Role>;
  readonly departmentCodes: ReadonlyArray<string>;
  readonly password: string;
  readonly passwordAgain: string;
}

export const EMPTY_USER: UserDraft = { username: '', displayName: '', roles: [], departmentCodes: [], password: '', passwordAgain: '' };

export function toUserInput(draft: UserDraft): InputOf<'admin.createUser'> {
  return {
    username: draft.username.trim(),
    displayName: draft.displayName.trim(),
    roles: [...draft.roles],
    departmentCodes: [...draft.departmentCodes],
    password: draft.password,
  };
}

/** Adds or removes one item of a set-like list, keeping the order items were first chosen in. */
export function toggle<T>(list: ReadonlyArray<T>, item: T, on: boolean): ReadonlyArray<T> {
  const without = list.filter((each) => each !== item);
  return on ? [...without, item] : without;
}

/** Field errors before sending, keyed like the server's, plus `passwordAgain` which only we check. */
export function checkUser(draft: UserDraft): FieldErrors {
  const local: Record<string, string> = {};
  if (draft.username.trim() === '') local.username = T.usernameRequired;
  if (draft.displayName.trim() === '') local.displayName = T.displayNameRequired;
  if (draft.roles.length === 0) local.roles = T.rolesRequired;
  if (draft.password === '') local.password = T.passwordRequired;
  else if (draft.passwordAgain !== draft.password) local.passwordAgain = T.passwordAgainMismatch;
  return mergeFieldErrors(local, checkWithSchema(contract['admin.createUser'].input, toUserInput(draft)));
}
