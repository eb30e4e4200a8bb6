import type { ReactNode } from 'react';
import { ROLE_LABELS, ROLES } from '../../../../shared/permissions';
import { useClient } from '../../app/client-context';
import { Button } from '../../components/Button';
import { CheckboxField } from '../../components/CheckboxField';
import { ErrorBanner } from '../../components/ErrorBanner';
import { KeyboardForm } from '../../components/KeyboardForm';
import { Notice } from '../../components/Notice';
import { TextField } from '../../components/TextField';
import type { DepartmentList, Loaded, UserList } from './AdminSection';
import { Panel } from './Panel';
import { useCreateForm } from './use-create-form';
import { ADMIN_TEXT as T } from './text';
import { checkUser, EMPTY_USER, toggle, toUserInput, type UserDraft } from './user-form';

interface UsersPanelProps {
  readonly users: Loaded<UserList>;
  readonly departments: DepartmentList;
  readonly onCreated: () => void;
}

export function UsersPanel({ users, departments, onCreated }: UsersPanelProps) {
  const client = useClient();
  const { draft, errors, error, dismissError, added, saving, formRef, edit, submit } = useCreateForm({
    empty: EMPTY_USER,
    check: checkUser,
    save: (d: UserDraft) => client.api.admin.createUser(toUserInput(d)),
    codeField: 'username',
    addedMessage: (created) => T.userAdded(created.displayName, created.username),
    onCreated,
  });
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

      <KeyboardForm
        ref={formRef}
                aria-label={T.addUser}
        onSubmit={() => void submit()}
        className="grid gap-3 rounded-md border border-slate-200 bg-slate-50 p-4"
      >
        <h3 className="font-semibold">{T.addUser}</h3>
        {added && <Notice>{added}</Notice>}
        <ErrorBanner error={error} onDismiss={dismissError} />
        <div className="grid gap-3 sm:grid-cols-2">
          <TextField
            label={T.username}
            path="username"
            value={draft.username}
            onChange={(value) => edit({ username: value.toLowerCase() }, 'username')}
            error={errors.username}
            hint={T.usernameHint}
            maxLength={32}
            spellCheck={false}
            autoComplete="off"
          />
          <TextField
            label={T.displayName}
            path="displayName"
            value={draft.displayName}
            onChange={(displayName) => edit({ displayName }, 'displayName')}
            error={errors.displayName}
            maxLength={30}
            autoComplete="off"
          />
        </div>
        <ChoiceGroup label={T.roles} path="roles" error={errors.roles}>
          {ROLES.map((role) => (
            <CheckboxField
              key={role}
              label={ROLE_LABELS[role]}
              checked={draft.roles.includes(role)}
              onChange={(on) => edit({ roles: toggle(draft.roles, role, on) }, 'roles')}
            />
          ))}
        </ChoiceGroup>
        <ChoiceGroup label={`${T.userDepartments}${T.userDepartmentsNone}`} path="departmentCodes" error={errors.departmentCodes}>
          {departments
            .filter((department) => department.active)
            .map((department) => (
              <CheckboxField
                key={department.code}
                label={department.name}
                checked={draft.departmentCodes.includes(department.code)}
                onChange={(on) => edit({ departmentCodes: toggle(draft.departmentCodes, department.code, on) }, 'departmentCodes')}
              />
            ))}
        </ChoiceGroup>
        <div className="grid gap-3 sm:grid-cols-2">
          <TextField
            label={T.password}
            path="password"
            type="password"
            value={draft.password}
            onChange={(password) => edit({ password }, 'password', 'passwordAgain')}
            error={errors.password}
            hint={T.passwordHint}
            autoComplete="new-password"
          />
          <TextField
            label={T.passwordAgain}
            path="passwordAgain"
            type="password"
            value={draft.passwordAgain}
            onChange={(passwordAgain) => edit({ passwordAgain }, 'passwordAgain')}
            error={errors.passwordAgain}
            autoComplete="new-password"
          />
        </div>
        <div className="flex justify-end">
          <Button tone="primary" type="submit" disabled={saving}>
            {saving ? T.saving : T.addUser}
          </Button>
        </div>
      </KeyboardForm>
    </Panel>
  );
}

function ChoiceGroup({ label, path, error, children }: { readonly label: string; readonly path: string; readonly error?: string; readonly children: ReactNode }) {
  return (
    <fieldset data-field={path}>
      <legend className="mb-1 font-medium text-slate-800">{label}</legend>
      <div className="flex flex-wrap gap-x-5 gap-y-2">{children}</div>
      {error && (
        <p data-error-for={path} className="mt-1 text-sm text-red-700">
          {error}
        </p>
      )}
    </fieldset>
  );
}
