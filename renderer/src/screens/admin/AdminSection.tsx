import { useCallback, useEffect, useState } from 'react';
import type { ApiError, OutputOf } from '../../../../shared/api';
import { rolesGrant, type Role } from '../../../../shared/permissions';
import { useClient } from '../../app/client-context';
import { AwaitingUpgradePanel } from './AwaitingUpgradePanel';
import { DepartmentsPanel } from './DepartmentsPanel';
import { DevicesPanel } from './DevicesPanel';
import { DictionariesSection } from './dictionaries/DictionariesSection';
import { UsersPanel } from './UsersPanel';

export type DepartmentList = OutputOf<'admin.listDepartments'>;
export type UserList = OutputOf<'admin.listUsers'>;

/** A list as read from the back end: null until the first read; the error of the last read, if any. */
export interface Loaded<T> {
  readonly items: T | null;
  readonly error: ApiError | null;
}

/** 管理: the clinic's departments and staff accounts (administrators); this workstation's devices (front desk too). */
export function AdminSection({ roles }: { readonly roles: ReadonlyArray<Role> }) {
  const manages = rolesGrant(roles, 'admin.manage');
  const devices = rolesGrant(roles, 'device.manage');
  return (
    <div className="grid gap-6">
      {manages && <ClinicAdmin />}
      {manages && <DictionariesSection />}
      {manages && <AwaitingUpgradePanel />}
      {devices && <DevicesPanel />}
    </div>
  );
}

function ClinicAdmin() {
  const client = useClient();
  const [departments, setDepartments] = useState<Loaded<DepartmentList>>({ items: null, error: null });
  const [users, setUsers] = useState<Loaded<UserList>>({ items: null, error: null });

  const loadDepartments = useCallback(async () => {
    const result = await client.api.admin.listDepartments({});
    setDepartments((current) => (result.ok ? { items: result.value, error: null } : { items: current.items, error: result.error }));
  }, [client]);

  const loadUsers = useCallback(async () => {
    const result = await client.api.admin.listUsers({});
    setUsers((current) => (result.ok ? { items: result.value, error: null } : { items: current.items, error: result.error }));
  }, [client]);

  useEffect(() => {
    void loadDepartments();
    void loadUsers();
  }, [loadDepartments, loadUsers]);

  return (
    <div className="grid gap-section 2xl:grid-cols-2">
      <DepartmentsPanel departments={departments} onChanged={() => void loadDepartments()} />
      <UsersPanel users={users} departments={departments.items ?? []} onChanged={() => void loadUsers()} />
    </div>
  );
}
