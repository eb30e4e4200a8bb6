import { contract, type InputOf, type OutputOf } from '../../../../shared/api';
import type { Role } from '../../../../shared/permissions';
import { checkWithSchema } from '../../forms/check-with-schema';
import { mergeFieldErrors, type FieldErrors } from '../../forms/field-errors';
import { ADMIN_TEXT as T } from './text';

export type UserView = OutputOf<'admin.updateUser'>;

/** 修改: what the editor changes about a user; the login name stays as it is. */
export interface UserEditDraft {
  readonly username: string;
  readonly displayName: string;
  readonly roles: ReadonlyArray<Role>;
  readonly departmentCodes: ReadonlyArray<string>;
}

/** 新增用户: an account as typed, its first password twice. */
export interface UserDraft extends UserEditDraft {
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

/** A password typed twice: missing, or the two not the same (the rules on the password itself are the contract's). */
function passwordTypedTwice(draft: { readonly password: string; readonly passwordAgain: string }, missing: string): FieldErrors {
  if (draft.password === '') return { password: missing };
  if (draft.passwordAgain !== draft.password) return { passwordAgain: T.passwordAgainMismatch };
  return {};
}

/** Field errors before sending, keyed like the server's, plus `passwordAgain` which only we check. */
export function checkUser(draft: UserDraft): FieldErrors {
  const local: Record<string, string> = {};
  if (draft.username.trim() === '') local.username = T.usernameRequired;
  if (draft.displayName.trim() === '') local.displayName = T.displayNameRequired;
  if (draft.roles.length === 0) local.roles = T.rolesRequired;
  return mergeFieldErrors(local, passwordTypedTwice(draft, T.passwordRequired), checkWithSchema(contract['admin.createUser'].input, toUserInput(draft)));
}

export function userEditDraft(user: UserView): UserEditDraft {
  return { username: user.username, displayName: user.displayName, roles: [...user.roles], departmentCodes: [...user.departmentCodes] };
}

function sameSet<T>(a: ReadonlyArray<T>, b: ReadonlyArray<T>): boolean {
  const left = new Set(a);
  const right = new Set(b);
  return left.size === right.size && [...left].every((item) => right.has(item));
}

/** The person has other rights now: the server ends their sessions, and the notice says so. */
export function rolesChanged(user: UserView, draft: UserEditDraft): boolean {
  return !sameSet(user.roles, draft.roles);
}

/**
 * Only what differs from the user as listed, so the audit trail shows the real change; null when
 * nothing does (there is nothing to save).
 */
export function toUserUpdate(user: UserView, draft: UserEditDraft): InputOf<'admin.updateUser'> | null {
  const displayName = draft.displayName.trim();
  const change = {
    ...(displayName !== user.displayName ? { displayName } : {}),
    ...(rolesChanged(user, draft) ? { roles: [...draft.roles] } : {}),
    ...(sameSet(user.departmentCodes, draft.departmentCodes) ? {} : { departmentCodes: [...draft.departmentCodes] }),
  };
  return Object.keys(change).length === 0 ? null : { username: user.username, ...change };
}

export function checkUserEdit(draft: UserEditDraft): FieldErrors {
  const local: Record<string, string> = {};
  if (draft.displayName.trim() === '') local.displayName = T.displayNameRequired;
  if (draft.roles.length === 0) local.roles = T.rolesRequired;
  const whole: InputOf<'admin.updateUser'> = {
    username: draft.username,
    displayName: draft.displayName.trim(),
    roles: [...draft.roles],
    departmentCodes: [...draft.departmentCodes],
  };
  return mergeFieldErrors(local, checkWithSchema(contract['admin.updateUser'].input, whole));
}

/** 重设密码: the new password, typed twice. */
export interface PasswordDraft {
  readonly password: string;
  readonly passwordAgain: string;
}

export const EMPTY_PASSWORD: PasswordDraft = { password: '', passwordAgain: '' };

export function toPasswordReset(username: string, draft: PasswordDraft): InputOf<'admin.resetPassword'> {
  return { username, password: draft.password };
}

export function checkNewPassword(username: string, draft: PasswordDraft): FieldErrors {
  return mergeFieldErrors(
    passwordTypedTwice(draft, T.newPasswordRequired),
    checkWithSchema(contract['admin.resetPassword'].input, toPasswordReset(username, draft)),
  );
}

/**
 * The departments a user can be put in: the active ones, and any the user is already in even if
 * stopped since (or not listed), so that saving never drops them unseen.
 */
export function offeredDepartments(
  departments: ReadonlyArray<{ readonly code: string; readonly name: string; readonly active: boolean }>,
  chosen: ReadonlyArray<string>,
): ReadonlyArray<{ readonly code: string; readonly label: string }> {
  const listed = departments
    .filter((department) => department.active || chosen.includes(department.code))
    .map((department) => ({ code: department.code, label: department.active ? department.name : `${department.name}${T.departmentStoppedMark}` }));
  const unknown = chosen.filter((code) => !departments.some((department) => department.code === code)).map((code) => ({ code, label: code }));
  return [...listed, ...unknown];
}
