import type { ApiError, OutputOf } from '../../../../shared/api';
import { missingCase } from '../../../../shared/missing-case';

export type DepartmentList = OutputOf<'admin.listDepartments'>;
export type UserList = OutputOf<'admin.listUsers'>;

/** A list as read from the back end: null until the first read; the error of the last read, if any. */
export interface Loaded<T> {
  readonly items: T | null;
  readonly error: ApiError | null;
}

/** The administrator's screen: the clinic's departments and staff, each as last read. */
export interface AdminState {
  readonly departments: Loaded<DepartmentList>;
  readonly users: Loaded<UserList>;
}

export type AdminAction =
  | { readonly type: 'departmentsRead'; readonly items: DepartmentList }
  | { readonly type: 'usersRead'; readonly items: UserList }
  /** A read failed: the list last read stays on the screen, with the error above it. */
  | { readonly type: 'readFailed'; readonly list: keyof AdminState; readonly error: ApiError };

export const INITIAL_ADMIN_STATE: AdminState = { departments: { items: null, error: null }, users: { items: null, error: null } };

export function adminReducer(state: AdminState, action: AdminAction): AdminState {
  switch (action.type) {
    case 'departmentsRead':
      return { ...state, departments: { items: action.items, error: null } };
    case 'usersRead':
      return { ...state, users: { items: action.items, error: null } };
    case 'readFailed':
      return { ...state, [action.list]: { items: state[action.list].items, error: action.error } };
    default:
      return missingCase(action);
  }
}

function sameMembers<T>(a: ReadonlyArray<T>, b: ReadonlyArray<T>): boolean {
  return a.length === b.length && a.every((item) => b.includes(item));
}

/** Whether the user list, as read, shows the logged-in account with other roles, departments or name. */
export function ownAccountDiffers(
  users: UserList | null,
  self: { readonly username: string; readonly displayName: string; readonly roles: ReadonlyArray<string>; readonly departmentCodes: ReadonlyArray<string> },
): boolean {
  const listed = users?.find((user) => user.username === self.username);
  if (!listed) return false;
  return listed.displayName !== self.displayName || !sameMembers(listed.roles, self.roles) || !sameMembers(listed.departmentCodes, self.departmentCodes);
}
