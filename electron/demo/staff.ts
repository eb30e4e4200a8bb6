/**
 * Demo staff accounts for a township health centre: an administrator, a director who also sits on
 * 医务科, doctors for every outpatient department, registrars, a record-room archivist and an auditor.
 * Login names are the pinyin of the person's name (zhangwei, zhangwei2), as clinics usually do.
 */
import type { DepartmentDoc } from '../../shared/docs/department';
import { type UserDoc, userId } from '../../shared/docs/user';
import { ROLE_LABELS, type Role } from '../../shared/permissions';
import { nameSearchKeys } from '../../shared/pinyin/name-keys';
import { type BinarySex, drawName } from './names';
import { Prng } from './prng';

export interface StaffOptions {
  readonly seed: string | number;
  readonly clinicCode: string;
  readonly now: Date;
  readonly departments: ReadonlyArray<Pick<DepartmentDoc, 'code' | 'outpatient'>>;
  /**
   * The `scrypt$…` hash every demo account gets. Hash the demo password once with
   * electron/services/passwords.ts `hashPassword` and pass it in: that keeps this function fast and
   * deterministic, at the price of all demo accounts sharing one salt (acceptable for demo data only).
   */
  readonly passwordHash: string;
}

/** Doctors per outpatient department code; others get one. 内科 and 全科 carry most of the load. */
const DOCTORS_PER_DEPARTMENT: Readonly<Record<string, number>> = {
  '03': 3,
  '02': 2,
  '50': 2,
  '04': 2,
  '05': 2,
  '01': 2,
  '07': 1,
  '12': 1,
  '21': 1,
  '20': 1,
};
const REGISTRARS = 3;

interface Person {
  readonly roles: ReadonlyArray<Role>;
  readonly departmentCodes: ReadonlyArray<string>;
  readonly sex?: BinarySex;
  readonly username?: string;
}

function plan(departments: StaffOptions['departments']): Person[] {
  const codes = new Set(departments.map((d) => d.code));
  const people: Person[] = [{ roles: ['admin'], departmentCodes: [], username: 'admin' }];
  const first = departments.find((d) => d.outpatient)?.code;
  if (first) {
    // The director (院长) sees patients and also does the medical-affairs work.
    people.push({ roles: ['doctor', 'medical_affairs'], departmentCodes: codes.has('YW') ? [first, 'YW'] : [first] });
  }
  for (const d of departments) {
    if (!d.outpatient) continue;
    const count = DOCTORS_PER_DEPARTMENT[d.code] ?? 1;
    for (let i = 0; i < count; i += 1) {
      people.push({ roles: ['doctor'], departmentCodes: [d.code], sex: d.code === '05' ? '2' : undefined });
    }
  }
  if (codes.has('GW')) people.push({ roles: ['doctor'], departmentCodes: ['GW'] });
  for (let i = 0; i < REGISTRARS; i += 1) people.push({ roles: ['registrar'], departmentCodes: [] });
  people.push({ roles: ['archivist'], departmentCodes: codes.has('BA') ? ['BA'] : [] });
  people.push({ roles: ['auditor'], departmentCodes: [] });
  return people;
}

function loginName(name: string, taken: Set<string>): string {
  const letters = nameSearchKeys(name)
    .full.replace(/[^a-z]/g, '')
    .slice(0, 28);
  const base = /^[a-z]{2,}/.test(letters) ? letters : 'staff';
  let candidate = base;
  for (let n = 2; taken.has(candidate); n += 1) candidate = `${base}${n}`;
  taken.add(candidate);
  return candidate;
}

export function generateStaff(options: StaffOptions): UserDoc[] {
  const rng = new Prng(options.seed).fork('staff');
  const at = options.now.toISOString();
  const taken = new Set<string>();
  const people = plan(options.departments);
  for (const p of people) if (p.username) taken.add(p.username);
  return people.map((person) => {
    const sex = person.sex ?? (rng.chance(0.5) ? '1' : '2');
    const name = drawName(rng, sex, rng.between(1965, 1998));
    const username = person.username ?? loginName(name, taken);
    return {
      _id: userId(username),
      type: 'user',
      schema_version: 1,
      clinic_code: options.clinicCode,
      created_at: at,
      created_by: 'demo',
      updated_at: at,
      updated_by: 'demo',
      username,
      display_name: name,
      roles: [...person.roles],
      department_codes: [...person.departmentCodes],
      password_hash: options.passwordHash,
      active: true,
    };
  });
}

/** Active doctors' login names by department code, for assigning visits. */
export function doctorsByDepartment(staff: ReadonlyArray<UserDoc>): ReadonlyMap<string, ReadonlyArray<string>> {
  const map = new Map<string, string[]>();
  for (const user of staff) {
    if (!user.active || !user.roles.includes('doctor')) continue;
    for (const code of user.department_codes) {
      const list = map.get(code);
      if (list) list.push(user.username);
      else map.set(code, [user.username]);
    }
  }
  return map;
}

/**
 * The demo accounts as lines to print: login name, name, roles and departments, so whoever opens
 * the demo knows whom to log in as to try each part (admin first, then in creation order).
 */
export function staffRoster(
  staff: ReadonlyArray<{ username: string; displayName: string; roles: ReadonlyArray<string>; departmentCodes: ReadonlyArray<string> }>,
  departmentNames: ReadonlyMap<string, string>,
): string[] {
  return staff.map((u) => {
    const roles = u.roles.map((r) => ROLE_LABELS[r as Role] ?? r).join('、');
    const departments = u.departmentCodes.map((c) => departmentNames.get(c) ?? c).join('、');
    return `${u.username.padEnd(12)} ${u.displayName}  ${roles}${departments ? `（${departments}）` : ''}`;
  });
}
