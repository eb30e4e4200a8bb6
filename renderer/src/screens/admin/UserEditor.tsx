import { useClient } from '../../app/client-context';
import { FieldList, InlineEditor, useEditor } from '../../ui';
import type { DepartmentList } from './admin-state';
import { ADMIN_TEXT as T } from './text';
import type { RowEditorProps } from './use-row-actions';
import { UserAccessChoices } from './UserAccessChoices';
import { checkUserEdit, offeredDepartments, rolesChanged, toUserUpdate, userEditDraft, type UserEditDraft, type UserView } from './user-form';

interface UserEditorProps extends RowEditorProps<UserView> {
  readonly departments: DepartmentList;
  /** The account is the administrator's own: what changes applies to this login at once. */
  readonly own: boolean;
}

/** 修改: a user's name, roles and departments (the login name stays). */
export function UserEditor({ row: user, departments, own, onDone, onCancel }: UserEditorProps) {
  const client = useClient();
  const editor = useEditor({
    initial: userEditDraft(user),
    check: checkUserEdit,
    save: (draft) => {
      const change = toUserUpdate(user, draft);
      return change && client.api.admin.updateUser(change);
    },
    savedMessage: (saved) => savedMessage(user, saved, own),
    onDone,
    onCancel,
  });

  return (
    <InlineEditor name="edit-user" title={T.editUserTitle(user.displayName, user.username)} editor={editor}>
      <FieldList<UserEditDraft>
        draft={editor.draft}
        errors={editor.errors}
        onChange={editor.edit}
        className="grid gap-3"
        fields={[{ name: 'displayName', label: T.displayName, className: 'max-w-xs', input: { maxLength: 30, autoComplete: 'off' } }]}
      />
      <UserAccessChoices draft={editor.draft} errors={editor.errors} edit={editor.edit} departments={offeredDepartments(departments, user.departmentCodes)} />
    </InlineEditor>
  );
}

/** Other roles log the person out (their open logins carry the old rights); one's own take effect in this login. */
function savedMessage(before: UserView, saved: UserView, own: boolean): string {
  if (!rolesChanged(before, saved)) return T.userSaved(saved.displayName, saved.username);
  return (own ? T.ownRolesChanged : T.userSavedRolesChanged)(saved.displayName, saved.username);
}
