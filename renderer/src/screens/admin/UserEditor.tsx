import { ROLE_LABELS, ROLES } from '../../../../shared/permissions';
import { useClient } from '../../app/client-context';
import { CheckboxField, ChoiceGroup, InlineEditor, TextField, useEditor } from '../../ui';
import type { DepartmentList } from './AdminSection';
import { ADMIN_TEXT as T } from './text';
import { checkUserEdit, offeredDepartments, rolesChanged, toggle, toUserUpdate, userEditDraft, type UserView } from './user-form';

interface UserEditorProps {
  readonly user: UserView;
  readonly departments: DepartmentList;
  readonly onDone: (notice: string) => void;
  readonly onCancel: () => void;
}

/** 修改: a user's name, roles and departments (the login name stays). */
export function UserEditor({ user, departments, onDone, onCancel }: UserEditorProps) {
  const client = useClient();
  const editor = useEditor({
    initial: userEditDraft(user),
    check: checkUserEdit,
    save: (draft) => {
      const change = toUserUpdate(user, draft);
      return change && client.api.admin.updateUser(change);
    },
    savedMessage: (saved) => (rolesChanged(user, saved) ? T.userSavedRolesChanged : T.userSaved)(saved.displayName, saved.username),
    onDone,
    onCancel,
  });
  const { draft, errors, edit } = editor;

  return (
    <InlineEditor name="edit-user" title={T.editUserTitle(user.displayName, user.username)} editor={editor}>
      <TextField
        label={T.displayName}
        path="displayName"
        value={draft.displayName}
        onChange={(displayName) => edit({ displayName }, 'displayName')}
        error={errors.displayName}
        maxLength={30}
        autoComplete="off"
        className="max-w-xs"
      />
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
        {offeredDepartments(departments, user.departmentCodes).map(({ code, label }) => (
          <CheckboxField
            key={code}
            label={label}
            checked={draft.departmentCodes.includes(code)}
            onChange={(on) => edit({ departmentCodes: toggle(draft.departmentCodes, code, on) }, 'departmentCodes')}
          />
        ))}
      </ChoiceGroup>
    </InlineEditor>
  );
}
