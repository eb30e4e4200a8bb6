import { Fragment } from 'react';
import { ROLE_LABELS } from '../../../../shared/permissions';
import { useClient } from '../../app/client-context';
import { fieldErrorsOf } from '../../forms/field-errors';
import { EditorRow, ErrorBanner, Notice, Panel, RowButton } from '../../ui';
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

const COLUMNS = 6;

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
    return <EditorRow columns={COLUMNS}>{editor}</EditorRow>;
  };

  return (
    <Panel title={T.users} testId="users-panel">
      <ErrorBanner error={users.error} />
      {actions.notice && (
        <div data-notice="change">
          <Notice>{actions.notice}</Notice>
        </div>
      )}
      <ErrorBanner error={actions.failed && !activeError ? actions.failed.error : null} onDismiss={actions.dismissFailure} />
      <table className="w-full text-left" data-testid="users-table">
        <thead className="border-b border-border-soft text-sm whitespace-nowrap text-muted">
          <tr>
            <th className="py-1.5 pr-2 font-normal">{T.username}</th>
            <th className="py-1.5 pr-2 font-normal">{T.displayName}</th>
            <th className="py-1.5 pr-2 font-normal">{T.roles}</th>
            <th className="py-1.5 pr-2 font-normal">{T.userDepartments}</th>
            <th className="py-1.5 pr-2 font-normal">{T.active}</th>
            <th className="py-1.5 pr-2 font-normal">{T.actions}</th>
          </tr>
        </thead>
        <tbody>
          {users.items === null ? (
            <tr>
              <td colSpan={COLUMNS} className="py-2 text-muted">
                {users.error ? '' : T.loading}
              </td>
            </tr>
          ) : (
            users.items.map((user) => (
              <Fragment key={user.username}>
                <tr data-username={user.username} data-active={String(user.active)} className={`border-b border-divider ${user.active ? '' : 'text-faint'}`}>
                  <td className="py-1.5 pr-2 whitespace-nowrap font-mono">{user.username}</td>
                  <td className="py-1.5 pr-2 whitespace-nowrap">{user.displayName}</td>
                  <td className="py-1.5 pr-2">{user.roles.map((role) => ROLE_LABELS[role]).join('、')}</td>
                  <td className="py-1.5 pr-2">{user.departmentCodes.map((code) => departmentName.get(code) ?? code).join('、')}</td>
                  <td className="py-1.5 pr-2 whitespace-nowrap">{user.active ? T.activeYes : T.activeNo}</td>
                  <td className="py-1.5">
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
                  </td>
                </tr>
                {editorFor(user)}
              </Fragment>
            ))
          )}
        </tbody>
      </table>

      <AddUserForm departments={departments} onCreated={onChanged} />
    </Panel>
  );
}
