/**
 * Changing staff accounts and departments after set-up: renaming, other roles, stopping an account
 * when someone leaves (documents are never deleted: a stopped account keeps its name on every record
 * it signed), and setting a new password for someone who forgot theirs.
 *
 * Guard rails: nobody stops their own account or takes away their own administrator role, and the
 * clinic always keeps at least one active administrator, so it can never lock itself out.
 */
import { ApiFailure } from '../../shared/api';
import { throwIfImmutable } from './write-refusals';
import { departmentDoc, departmentId, userDoc, userId, type DepartmentDoc, type UserDoc } from '../../shared/docs';
import type { Role } from '../../shared/permissions';
import type { DepartmentRow, UserRow } from '../../db/queries';
import type { ClinicData } from './clinic-data';
import { hashPassword } from './passwords';

function saveRevision(data: ClinicData, doc: Readonly<Record<string, unknown>> & { _id: string; _rev?: string }): void {
  const [result] = data.store.bulkDocs([doc]);
  if (result.ok) return;
  throwIfImmutable(result);
  if (result.error === 'conflict') throw new ApiFailure('CONFLICT');
  throw new ApiFailure('VALIDATION_FAILED', result.reason);
}

function stamped<T extends object>(doc: T, actor: string): T & { updated_at: string; updated_by: string } {
  return { ...doc, updated_at: new Date().toISOString(), updated_by: actor };
}

/** The stored user, checked; written back whole (fields a newer version added are kept) with the changes. */
function loadUser(data: ClinicData, username: string): UserDoc & { _rev: string } {
  const stored = data.store.get(userId(username));
  const parsed = stored && stored.type === 'user' ? userDoc.safeParse(stored) : null;
  if (!parsed?.success) throw new ApiFailure('NOT_FOUND', `没有登录名为 ${username} 的用户。`);
  return { ...stored, ...parsed.data, _rev: String(stored!._rev) };
}

function userRow(doc: UserDoc): UserRow {
  return { username: doc.username, displayName: doc.display_name, roles: [...doc.roles], departmentCodes: [...doc.department_codes], active: doc.active };
}

function refuse(path: string, message: string): never {
  throw new ApiFailure('VALIDATION_FAILED', message, [{ path, message }]);
}

export interface UserChange {
  readonly username: string;
  readonly displayName?: string;
  readonly roles?: Role[];
  readonly departmentCodes?: string[];
  readonly active?: boolean;
}

/** What the caller must do about the user's open sessions after a change. */
export interface UserChanged {
  readonly user: UserRow;
  /** The account was stopped or its roles changed: sessions opened before carry stale rights. */
  readonly endSessions: boolean;
}

export function updateUser(data: ClinicData, actor: string, change: UserChange): UserChanged {
  const current = loadUser(data, change.username);
  const roles = change.roles ? [...new Set(change.roles)] : current.roles;
  const active = change.active ?? current.active;
  const self = change.username === actor;
  if (self && !active) refuse('active', '不能停用自己正在使用的账号。');
  if (self && current.roles.includes('admin') && !roles.includes('admin')) refuse('roles', '不能取消自己的系统管理员角色，请让另一位管理员来改。');
  const losesAdmin = current.active && current.roles.includes('admin') && (!active || !roles.includes('admin'));
  if (losesAdmin) {
    const otherAdmins = data.users.list().filter((u) => u.active && u.roles.includes('admin') && u.username !== change.username);
    if (otherAdmins.length === 0) refuse(active ? 'roles' : 'active', '这是本院唯一在用的系统管理员账号，先给另一位同事设置管理员角色，再停用或改动它。');
  }
  if (change.departmentCodes) {
    const known = new Set(data.departments.list().map((d) => d.code));
    const unknown = change.departmentCodes.filter((code) => !known.has(code));
    if (unknown.length > 0) refuse('departmentCodes', `没有这个科室：${unknown.join('、')}`);
  }
  const next: UserDoc & { _rev: string } = stamped(
    {
      ...current,
      display_name: change.displayName ?? current.display_name,
      roles,
      department_codes: change.departmentCodes ? [...new Set(change.departmentCodes)] : current.department_codes,
      active,
    },
    actor,
  );
  saveRevision(data, next);
  const rolesChanged = roles.length !== current.roles.length || roles.some((r) => !current.roles.includes(r));
  return { user: userRow(next), endSessions: (current.active && !active) || rolesChanged };
}

export async function resetPassword(data: ClinicData, actor: string, input: { username: string; password: string }): Promise<UserRow> {
  const current = loadUser(data, input.username);
  const next = stamped({ ...current, password_hash: await hashPassword(input.password) }, actor);
  saveRevision(data, next);
  return userRow(next);
}

export function updateDepartment(
  data: ClinicData,
  actor: string,
  change: { code: string; name?: string; outpatient?: boolean; active?: boolean },
): DepartmentRow {
  const stored = data.store.get(departmentId(change.code));
  const parsed = stored && stored.type === 'department' ? departmentDoc.safeParse(stored) : null;
  if (!parsed?.success) throw new ApiFailure('NOT_FOUND', `没有编码为 ${change.code} 的科室。`);
  const current: DepartmentDoc = parsed.data;
  const next = stamped(
    {
      ...stored,
      ...current,
      _rev: String(stored!._rev),
      name: change.name ?? current.name,
      outpatient: change.outpatient ?? current.outpatient,
      active: change.active ?? current.active,
    },
    actor,
  );
  saveRevision(data, next);
  return { code: next.code, name: next.name, outpatient: next.outpatient, active: next.active };
}
