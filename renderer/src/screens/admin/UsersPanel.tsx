import { ROLE_LABELS } from '../../../../shared/permissions';
import { ErrorBanner } from '../../components/ErrorBanner';
import type { DepartmentList, Loaded, UserList } from './AdminSection';
import { AddUserForm } from './AddUserForm';
import { Panel } from './Panel';
import { ADMIN_TEXT as T } from './text';

interface UsersPanelProps {
  readonly users: Loaded<UserList>;
  readonly departments: DepartmentList;
  readonly onCreated: () => void;
}

export function UsersPanel({ users, departments, onCreated }: UsersPanelProps) {
  const departmentName = new Map(departments.map((department) => [department.code, department.name]));

  return (
    <Panel title={T.users} testId="users-panel">
      <ErrorBanner error={users.error} />
      <table className="w-full text-left" data-testid="users-table">
        <thead className="border-b border-slate-200 text-sm text-slate-500">
          <tr>
            <th className="py-1.5 font-normal">{T.username}</th>
            <th className="py-1.5 font-normal">{T.displayName}</th>
            <th className="py-1.5 font-normal">{T.roles}</th>
            <th className="py-1.5 font-normal">{T.userDepartments}</th>
            <th className="py-1.5 font-normal">{T.active}</th>
          </tr>
        </thead>
        <tbody>
          {users.items === null ? (
            <tr>
              <td colSpan={5} className="py-2 text-slate-500">
                {users.error ? '' : T.loading}
              </td>
            </tr>
          ) : (
            users.items.map((user) => (
              <tr key={user.username} data-username={user.username} className="border-b border-slate-100">
                <td className="py-1.5 font-mono">{user.username}</td>
                <td className="py-1.5">{user.displayName}</td>
                <td className="py-1.5">{user.roles.map((role) => ROLE_LABELS[role]).join('、')}</td>
                <td className="py-1.5">{user.departmentCodes.map((code) => departmentName.get(code) ?? code).join('、')}</td>
                <td className="py-1.5">{user.active ? T.activeYes : T.activeNo}</td>
              </tr>
            ))
          )}
        </tbody>
      </table>

      <AddUserForm departments={departments} onCreated={onCreated} />
    </Panel>
  );
}
