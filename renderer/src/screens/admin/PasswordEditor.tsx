import { useClient } from '../../app/client-context';
import { InlineEditor, useEditor } from '../../ui';
import { PasswordPairFields } from './PasswordPairFields';
import { ADMIN_TEXT as T } from './text';
import { checkNewPassword, EMPTY_PASSWORD, toPasswordReset, type UserView } from './user-form';

interface PasswordEditorProps {
  readonly user: UserView;
  readonly onDone: (notice: string) => void;
  readonly onCancel: () => void;
}

/** 重设密码: for someone who forgot theirs; the old one stops working and their open logins end. */
export function PasswordEditor({ user, onDone, onCancel }: PasswordEditorProps) {
  const client = useClient();
  const editor = useEditor({
    initial: EMPTY_PASSWORD,
    check: (draft) => checkNewPassword(user.username, draft),
    save: (draft) => client.api.admin.resetPassword(toPasswordReset(user.username, draft)),
    savedMessage: (saved) => T.passwordReset(saved.displayName, saved.username),
    onDone,
    onCancel,
  });
  const { draft, errors, edit } = editor;

  return (
    <InlineEditor name="password" title={T.passwordTitle(user.displayName, user.username)} editor={editor}>
      <PasswordPairFields labels={{ password: T.newPassword, again: T.newPasswordAgain, hint: T.newPasswordHint }} draft={draft} errors={errors} edit={edit} />
    </InlineEditor>
  );
}
