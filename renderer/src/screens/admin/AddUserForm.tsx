import { useClient } from '../../app/client-context';
import { AddForm, FieldList, LOWER_CASE, useCreateForm } from '../../ui';
import type { DepartmentList } from './admin-state';
import { passwordPairFields } from './password-fields';
import { ADMIN_TEXT as T } from './text';
import { UserAccessChoices } from './UserAccessChoices';
import { checkUser, EMPTY_USER, offeredDepartments, toUserInput, type UserDraft } from './user-form';

/** 新增用户: the form under the users list. */
export function AddUserForm({ departments, onCreated }: { readonly departments: DepartmentList; readonly onCreated: () => void }) {
  const client = useClient();
  const form = useCreateForm({
    empty: EMPTY_USER,
    check: checkUser,
    save: (d: UserDraft) => client.api.admin.createUser(toUserInput(d)),
    codeField: 'username',
    addedMessage: (created) => T.userAdded(created.displayName, created.username),
    onCreated,
  });
  const { draft, errors, edit } = form;

  return (
    <AddForm title={T.addUser} form={form}>
      <FieldList<UserDraft>
        draft={draft}
        errors={errors}
        onChange={edit}
        className="grid gap-3 sm:grid-cols-2"
        fields={[
          // Login names are lower case; capitals typed are turned into lower case, and the field says so.
          {
            name: 'username',
            label: T.username,
            hint: T.usernameHint,
            normalise: LOWER_CASE,
            input: { maxLength: 32, spellCheck: false, autoComplete: 'off' },
          },
          { name: 'displayName', label: T.displayName, input: { maxLength: 30, autoComplete: 'off' } },
        ]}
      />
      <UserAccessChoices draft={draft} errors={errors} edit={edit} departments={offeredDepartments(departments, [])} />
      <FieldList<UserDraft>
        draft={draft}
        errors={errors}
        onChange={edit}
        className="grid gap-3 sm:grid-cols-2"
        fields={passwordPairFields({ password: T.password, again: T.passwordAgain, hint: T.passwordHint })}
      />
    </AddForm>
  );
}
