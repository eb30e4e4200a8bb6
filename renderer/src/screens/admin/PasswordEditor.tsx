import { useClient } from '../../app/client-context';
import { FieldList, InlineEditor, useEditor } from '../../ui';
import { passwordPairFields } from './password-fields';
import { ADMIN_TEXT as T } from './text';
import type { RowEditorProps } from './use-row-actions';
import { checkNewPassword, EMPTY_PASSWORD, toPasswordReset, type PasswordDraft, type UserView } from './user-form';

/** 重设密码: for someone who forgot theirs; the old one stops working and their open logins end. */
export function PasswordEditor({ row: user, onDone, onCancel }: RowEditorProps<UserView>) {
  const client = useClient();
  const editor = useEditor({
    initial: EMPTY_PASSWORD,
    check: (draft) => checkNewPassword(user.username, draft),
    save: (draft) => client.api.admin.resetPassword(toPasswordReset(user.username, draft)),
    savedMessage: (saved) => T.passwordReset(saved.displayName, saved.username),
    onDone,
    onCancel,
  });

  return (
    <InlineEditor name="password" title={T.passwordTitle(user.displayName, user.username)} editor={editor}>
      <FieldList<PasswordDraft>
        draft={editor.draft}
        errors={editor.errors}
        onChange={editor.edit}
        className="grid gap-3 sm:grid-cols-2"
        fields={passwordPairFields({ password: T.newPassword, again: T.newPasswordAgain, hint: T.newPasswordHint })}
      />
    </InlineEditor>
  );
}
