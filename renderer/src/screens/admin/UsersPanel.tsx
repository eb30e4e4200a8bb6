import { ROLE_LABELS } from '../../../../shared/permissions';
import { useClient } from '../../app/client-context';
import type { Column } from '../../ui';
import type { DepartmentList, Loaded, UserList } from './admin-state';
import { AddUserForm } from './AddUserForm';
import { AdminListPanel } from './AdminListPanel';
import { PasswordEditor } from './PasswordEditor';
import { ADMIN_TEXT as T } from './text';
import { useRowActions } from './use-row-actions';
import { UserEditor } from './UserEditor';
import type { UserView } from './user-form';

interface UsersPanelProps {
  readonly users: Loaded<UserList>;
  readonly departments: DepartmentList;
  /** The login name of the administrator at the screen. */
  readonly self: string;
  /** A user was added or changed: read the list again. */
  readonly onChanged: () => void;
}

export function UsersPanel({ users, departments, self, onChanged }: UsersPanelProps) {
  const client = useClient();
  const actions = useRowActions<'edit' | 'password'>(onChanged);
  const departmentName = new Map(departments.map((department) => [department.code, department.name]));

  const toggleActive = (user: UserView) =>
    void actions.run(
      user.username,
      () => client.api.admin.updateUser({ username: user.username, active: !user.active }),
      (saved) => (saved.active ? T.userStarted : T.userStopped)(saved.displayName, saved.username),
    );

  const departmentsOf = (user: UserView) => user.departmentCodes.map((code) => departmentName.get(code) ?? code).join('、');
  const rolesOf = (user: UserView) => user.roles.map((role) => ROLE_LABELS[role]).join('、');
  const columns: ReadonlyArray<Column<UserView>> = [
    {
      key: 'username',
      header: T.username,
      width: '16%',
      cell: (u) => u.username,
      sortValue: (u) => u.username,
      fullText: (u) => u.username,
      className: 'font-mono',
    },
    { key: 'displayName', header: T.displayName, width: '14%', cell: (u) => u.displayName, sortValue: (u) => u.displayName, fullText: (u) => u.displayName },
    { key: 'roles', header: T.roles, cell: rolesOf, fullText: rolesOf },
    { key: 'departments', header: T.userDepartments, cell: departmentsOf, sortValue: departmentsOf, fullText: departmentsOf },
  ];

  return (
    <AdminListPanel
      title={T.users}
      testId="users"
      list={users}
      actions={actions}
      columns={columns}
      rowKey={(user) => user.username}
      rowData={(user) => ({ 'data-username': user.username, 'data-active': String(user.active) })}
      editors={[
        { kind: 'edit', label: T.edit, render: (props) => <UserEditor {...props} departments={departments} own={props.row.username === self} /> },
        { kind: 'password', label: T.resetPassword, render: (props) => <PasswordEditor {...props} /> },
      ]}
      onToggleActive={toggleActive}
      actionsWidth="13.5rem"
    >
      <AddUserForm departments={departments} onCreated={onChanged} />
    </AdminListPanel>
  );
}
