import { useCallback, useEffect, useReducer } from 'react';
import type { SessionUser } from '../../../../shared/api';
import { rolesGrant } from '../../../../shared/permissions';
import { useClient } from '../../app/client-context';
import { adminReducer, INITIAL_ADMIN_STATE, ownAccountDiffers } from './admin-state';
import { AwaitingUpgradePanel } from './AwaitingUpgradePanel';
import { BackupPanel } from './backup/BackupPanel';
import { DepartmentsPanel } from './DepartmentsPanel';
import { DevicesPanel } from './DevicesPanel';
import { HubPanel } from './hub/HubPanel';
import { LanPanel } from './LanPanel';
import { DictionariesSection } from './dictionaries/DictionariesSection';
import { UsersPanel } from './UsersPanel';

interface AdminSectionProps {
  readonly user: SessionUser;
  /** The administrator changed their own account (a role added): this login now has what the list shows. */
  readonly onOwnAccountChanged: (user: SessionUser) => void;
}

/** 管理: the clinic's departments and staff accounts (administrators); this workstation's devices (front desk too). */
export function AdminSection({ user, onOwnAccountChanged }: AdminSectionProps) {
  const manages = rolesGrant(user.roles, 'admin.manage');
  const devices = rolesGrant(user.roles, 'device.manage');
  return (
    <div className="grid gap-6">
      {manages && <ClinicAdmin user={user} onOwnAccountChanged={onOwnAccountChanged} />}
      {manages && <DictionariesSection />}
      {manages && <AwaitingUpgradePanel />}
      {manages && <HubPanel />}
      {manages && <BackupPanel />}
      {rolesGrant(user.roles, 'sync.run') && <LanPanel />}
      {devices && <DevicesPanel />}
    </div>
  );
}

function ClinicAdmin({ user, onOwnAccountChanged }: AdminSectionProps) {
  const client = useClient();
  const [state, dispatch] = useReducer(adminReducer, INITIAL_ADMIN_STATE);

  const loadDepartments = useCallback(async () => {
    const result = await client.api.admin.listDepartments({});
    dispatch(result.ok ? { type: 'departmentsRead', items: result.value } : { type: 'readFailed', list: 'departments', error: result.error });
  }, [client]);

  const loadUsers = useCallback(async () => {
    const result = await client.api.admin.listUsers({});
    dispatch(result.ok ? { type: 'usersRead', items: result.value } : { type: 'readFailed', list: 'users', error: result.error });
  }, [client]);

  useEffect(() => {
    void loadDepartments();
    void loadUsers();
  }, [loadDepartments, loadUsers]);

  // The list shows the administrator's own account changed (the server has already given this login
  // the new roles): take them from the session, so the sections they open are usable at once.
  const ownChanged = ownAccountDiffers(state.users.items, user);
  useEffect(() => {
    if (!ownChanged) return;
    void client.api.auth.currentUser({}).then((me) => me.ok && onOwnAccountChanged(me.value));
  }, [ownChanged, client, onOwnAccountChanged]);

  return (
    <div className="grid gap-section 2xl:grid-cols-2">
      <DepartmentsPanel departments={state.departments} users={state.users.items ?? []} onChanged={() => void loadDepartments()} />
      <UsersPanel users={state.users} departments={state.departments.items ?? []} self={user.username} onChanged={() => void loadUsers()} />
    </div>
  );
}
