import { ROLE_LABELS, ROLES } from '../../../../shared/permissions';
import { useClient } from '../../app/client-context';
import { Button, CheckboxField, ChoiceGroup, ErrorBanner, KeyboardForm, Notice, TextField, useCreateForm } from '../../ui';
import type { DepartmentList } from './AdminSection';
import { PasswordPairFields } from './PasswordPairFields';
import { ADMIN_TEXT as T } from './text';
import { checkUser, EMPTY_USER, toggle, toUserInput, type UserDraft } from './user-form';

/** 新增用户: the form under the users list. */
export function AddUserForm({ departments, onCreated }: { readonly departments: DepartmentList; readonly onCreated: () => void }) {
  const client = useClient();
  const { draft, errors, error, dismissError, added, saving, formRef, edit, submit } = useCreateForm({
    empty: EMPTY_USER,
    check: checkUser,
    save: (d: UserDraft) => client.api.admin.createUser(toUserInput(d)),
    codeField: 'username',
    addedMessage: (created) => T.userAdded(created.displayName, created.username),
    onCreated,
  });

  return (
    <KeyboardForm
      ref={formRef}
      data-form="add"
      aria-label={T.addUser}
      onSubmit={() => void submit()}
      className="grid gap-3 rounded-md border border-border-soft bg-surface-muted p-4"
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
      <PasswordPairFields labels={{ password: T.password, again: T.passwordAgain, hint: T.passwordHint }} draft={draft} errors={errors} edit={edit} />
      <div className="flex justify-end">
        <Button tone="primary" type="submit" disabled={saving}>
          {saving ? T.saving : T.addUser}
        </Button>
      </div>
    </KeyboardForm>
  );
}
