import { ROLE_LABELS } from '../../../../shared/permissions';
import { useClient } from '../../app/client-context';
import { fieldErrorsOf } from '../../forms/field-errors';
import { DataTable, ErrorBanner, Notice, Panel, RowButton, type Column } from '../../ui';
import type { DepartmentList, Loaded, UserList } from './AdminSection';
import { AddUserForm } from './AddUserForm';
import { PasswordEditor } from './PasswordEditor';
import { ADMIN_TEXT as T } from './text';
import { useRowActions } from './use-row-actions';
import { UserEditor } from './UserEditor';
import type { UserView } from './user-form';

interface UsersPanelProps {
  readonly users: Loaded<UserList>;
  readonly departments: DepartmentList;
  /** A user was added or changed: read the list again. */
  readonly onChanged: () => void;
}

export function UsersPanel({ users, departments, onChanged }: UsersPanelProps) {
  const client = useClient();
  const actions = useRowActions<'edit' | 'password'>(onChanged);
  const departmentName = new Map(departments.map((department) => [department.code, department.name]));
  // A refusal about the account's state (stopping oneself, the last administrator) is shown at its row.
  const activeError = actions.failed ? fieldErrorsOf(actions.failed.error).active : undefined;

  const toggleActive = (user: UserView) =>
    void actions.run(
      user.username,
      () => client.api.admin.updateUser({ username: user.username, active: !user.active }),
      (saved) => (saved.active ? T.userStarted : T.userStopped)(saved.displayName, saved.username),
    );

  const editorFor = (user: UserView) => {
    if (actions.open?.key !== user.username) return null;
    const editor =
      actions.open.kind === 'edit' ? (
        <UserEditor user={user} departments={departments} onDone={actions.done} onCancel={actions.cancel} />
      ) : (
        <PasswordEditor user={user} onDone={actions.done} onCancel={actions.cancel} />
      );
    return editor;
  };

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
    {
      key: 'active',
      header: T.active,
      width: '4rem',
      cell: (u) => (u.active ? T.activeYes : T.activeNo),
      sortValue: (u) => (u.active ? 0 : 1),
      className: 'whitespace-nowrap',
    },
    {
      key: 'actions',
      header: T.actions,
      width: '13.5rem',
      cell: (user) => (
        <>
          <div className="flex flex-wrap gap-1.5">
            <RowButton action="edit" onClick={(event) => actions.openEditor(user.username, 'edit', event.currentTarget)}>
              {T.edit}
            </RowButton>
            <RowButton action="password" onClick={(event) => actions.openEditor(user.username, 'password', event.currentTarget)}>
              {T.resetPassword}
            </RowButton>
            <RowButton action="toggle-active" danger={user.active} aria-busy={actions.busy === user.username} onClick={() => toggleActive(user)}>
              {user.active ? T.stop : T.start}
            </RowButton>
          </div>
          {activeError && actions.failed?.key === user.username && (
            <p data-error-for="active" className="mt-1 text-sm text-danger">
              {activeError}
            </p>
          )}
        </>
      ),
    },
  ];

  return (
    <Panel title={T.users} testId="users-panel">
      <ErrorBanner error={users.error} />
      {actions.notice && (
        <div data-notice="change">
          <Notice>{actions.notice}</Notice>
        </div>
      )}
      <ErrorBanner error={actions.failed && !activeError ? actions.failed.error : null} onDismiss={actions.dismissFailure} />
      <DataTable
        label={T.users}
        testId="users-table"
        columns={columns}
        rows={users.items}
        rowKey={(user) => user.username}
        rowData={(user) => ({ 'data-username': user.username, 'data-active': String(user.active) })}
        rowClassName={(user) => (user.active ? '' : 'text-faint')}
        detail={editorFor}
        loadingText={users.error ? '' : T.loading}
        emptyText={T.empty}
        dense
      />

      <AddUserForm departments={departments} onCreated={onChanged} />
    </Panel>
  );
}
