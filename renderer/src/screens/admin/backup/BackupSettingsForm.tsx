import type { OutputOf } from '../../../../../shared/api';
import { useClient } from '../../../app/client-context';
import { fieldErrorsOf } from '../../../forms/field-errors';
import { Button, ErrorBanner, KeyboardForm, Notice, TextField, useForm } from '../../../ui';
import { BACKUP_TEXT as T } from './text';

type Settings = OutputOf<'backup.getSettings'>;
type Draft = { folder: string; time: string; keepDaily: string; keepWeekly: string; passphrase: string };

const draftOf = (view: Settings): Draft => ({
  folder: view.folder,
  time: view.time,
  keepDaily: String(view.keepDaily),
  keepWeekly: String(view.keepWeekly),
  passphrase: '',
});

/** Where and when this PC backs up, how many it keeps, and the passphrase (sent once, never shown again). */
export function BackupSettingsForm({ view, onSaved }: { readonly view: Settings; readonly onSaved: (view: Settings) => void }) {
  const client = useClient();
  const form = useForm<Draft>(draftOf(view));
  const { draft, error, saving, notice, dispatch } = form;

  const save = async () => {
    if (saving) return;
    dispatch({ type: 'saveStarted' });
    const result = await client.api.backup.saveSettings({
      folder: draft.folder,
      time: draft.time,
      keepDaily: Number(draft.keepDaily),
      keepWeekly: Number(draft.keepWeekly),
      ...(draft.passphrase ? { passphrase: draft.passphrase } : {}),
    });
    if (!result.ok) return form.saveFailed(result.error, fieldErrorsOf(result.error));
    onSaved(result.value);
    dispatch({ type: 'saved', draft: draftOf(result.value), notice: T.saved });
  };

  const passphraseHint = view.passphraseUnreadable ? T.passphraseUnreadable : view.passphraseSet ? T.passphraseKeep : T.passphraseNew;
  return (
    <>
      <ErrorBanner error={error} onDismiss={() => dispatch({ type: 'dismissError' })} />
      {notice && <Notice>{notice}</Notice>}
      <KeyboardForm ref={form.formRef} onSubmit={() => void save()} className="grid gap-4 md:grid-cols-4" data-testid="backup-settings">
        <TextField
          label={T.folder}
          hint={T.folderHint}
          autoComplete="off"
          spellCheck={false}
          inputClassName="font-mono"
          className="md:col-span-4"
          {...form.text('folder')}
        />
        <TextField label={T.time} hint={T.timeHint} autoComplete="off" inputClassName="font-mono" {...form.text('time')} />
        <TextField label={T.keepDaily} inputMode="numeric" autoComplete="off" {...form.text('keepDaily')} />
        <TextField label={T.keepWeekly} inputMode="numeric" autoComplete="off" {...form.text('keepWeekly')} />
        <TextField
          label={T.passphrase}
          hint={passphraseHint}
          type="password"
          autoComplete="new-password"
          className="md:col-span-4"
          {...form.text('passphrase')}
        />
        <div className="md:col-span-4">
          <Button tone="primary" type="submit" disabled={saving}>
            {T.save}
          </Button>
        </div>
      </KeyboardForm>
    </>
  );
}
