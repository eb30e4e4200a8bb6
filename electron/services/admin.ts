import { ApiFailure } from '../../shared/api';
import { throwIfImmutable } from './write-refusals';
import { type DepartmentDoc, type UserDoc, departmentId, userId } from '../../shared/docs';
import type { Role } from '../../shared/permissions';
import type { DepartmentRow, UserRow } from '../../db/queries';
import type { ClinicData } from './clinic-data';
import { documentStamp } from './clinic-data';
import { hashPassword } from './passwords';

function writeNew(data: ClinicData, doc: DepartmentDoc | UserDoc): void {
  const [result] = data.store.bulkDocs([doc]);
  if (result.ok) return;
  throwIfImmutable(result);
  if (result.error === 'conflict') throw new ApiFailure('DUPLICATE');
  throw new ApiFailure('VALIDATION_FAILED', result.reason);
}

export function createDepartment(
  data: ClinicData,
  clinicCode: string,
  actor: string,
  input: { code: string; name: string; outpatient: boolean },
): DepartmentRow {
  if (data.store.get(departmentId(input.code))) throw new ApiFailure('DUPLICATE', `科室编码 ${input.code} 已经用过了，请换一个。`);
  writeNew(data, {
    _id: departmentId(input.code),
    type: 'department',
    ...documentStamp(clinicCode, actor),
    code: input.code,
    name: input.name,
    outpatient: input.outpatient,
    active: true,
  });
  return { code: input.code, name: input.name, outpatient: input.outpatient, active: true };
}

export async function createUser(
  data: ClinicData,
  clinicCode: string,
  actor: string,
  input: { username: string; displayName: string; roles: Role[]; departmentCodes: string[]; password: string },
): Promise<UserRow> {
  if (data.store.get(userId(input.username))) throw new ApiFailure('DUPLICATE', `登录名 ${input.username} 已经有人用了，请换一个。`);
  const known = new Set(data.departments.list().map((d) => d.code));
  const unknown = input.departmentCodes.filter((code) => !known.has(code));
  if (unknown.length > 0) {
    throw new ApiFailure('VALIDATION_FAILED', undefined, [{ path: 'departmentCodes', message: `没有这个科室：${unknown.join('、')}` }]);
  }
  const roles = [...new Set(input.roles)];
  writeNew(data, {
    _id: userId(input.username),
    type: 'user',
    ...documentStamp(clinicCode, actor),
    username: input.username,
    display_name: input.displayName,
    roles,
    department_codes: [...new Set(input.departmentCodes)],
    password_hash: await hashPassword(input.password),
    active: true,
  });
  return { username: input.username, displayName: input.displayName, roles, departmentCodes: [...new Set(input.departmentCodes)], active: true };
}
