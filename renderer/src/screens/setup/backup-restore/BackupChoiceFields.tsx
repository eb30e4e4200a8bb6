import { useEffect, useState, type ReactNode } from 'react';
import type { OutputOf } from '../../../../../shared/api';
import { clinicDateTime } from '../../../../../shared/time/clinic-time';
import { useClient } from '../../../app/client-context';
import type { FieldErrors } from '../../../forms/field-errors';
import { Button, KeyboardForm, SelectField, TextField, type FormHandle } from '../../../ui';
import { backupLabel, BACKUP_RESTORE_TEXT as T } from './text';

export interface BackupChoiceDraft {
  readonly folder: string;
  readonly file: string;
  readonly passphrase: string;
}

type Found = OutputOf<'backup.findBackups'>['backups'];

export function checkBackupChoice(draft: BackupChoiceDraft): FieldErrors {
  const errors: Record<string, string> = {};
  if (!draft.file) errors[draft.folder.trim() ? 'file' : 'folder'] = T.choose;
  if (!draft.passphrase) errors.passphrase = T.passphraseMissing;
  return errors;
}

interface BackupChoiceFieldsProps<D extends BackupChoiceDraft> {
  readonly form: FormHandle<D>;
  readonly testId: string;
  readonly onSubmit: () => void;
  readonly submitLabel: string;
  /** Fields of the caller's own (this PC's number, the typed confirmation). */
  readonly children?: ReactNode;
  readonly submitTone?: 'primary' | 'danger';
}

/** The folder (查找备份 lists the backups in it, newest first), the backup chosen, its passphrase. */
export function BackupChoiceFields<D extends BackupChoiceDraft>({
  form,
  testId,
  onSubmit,
  submitLabel,
  children,
  submitTone = 'primary',
}: BackupChoiceFieldsProps<D>) {
  const client = useClient();
  const [found, setFound] = useState<Found | null>(null);
  const [finding, setFinding] = useState(false);
  const draft = form.draft;
  const edit = (patch: Partial<BackupChoiceDraft>, field: string) => form.edit(patch as Partial<D>, field);

  const find = async (quiet = false) => {
    setFinding(true);
    const result = await client.api.backup.findBackups({ folder: draft.folder });
    setFinding(false);
    if (!result.ok) {
      if (!quiet) form.showErrors({ folder: result.error.fields?.[0]?.message ?? result.error.message });
      return;
    }
    const backups = result.value.backups;
    setFound(backups);
    // Back from a refusal the backup chosen stays chosen; otherwise the newest.
    if (!backups.some((b) => b.file === draft.file)) edit({ file: backups[0]?.file ?? '' }, 'file');
    if (backups.length === 0 && !quiet) form.showErrors({ folder: T.none });
  };

  // A folder already known (the settings' folder in 管理, or the form shown again after a refusal): list it once, at once.
  useEffect(() => {
    if (draft.folder.trim()) void find(true);
  }, []);

  return (
    <KeyboardForm ref={form.formRef} onSubmit={onSubmit} data-testid={testId} className="grid gap-5">
      <div className="flex items-end gap-3">
        <TextField
          className="flex-1"
          label={T.folder}
          hint={T.folderHint}
          inputClassName="font-mono"
          path="folder"
          value={draft.folder}
          onChange={(folder) => edit({ folder }, 'folder')}
          error={form.errors.folder}
          spellCheck={false}
          autoComplete="off"
          onKeyDown={(event) => {
            if (event.key !== 'Enter' || found !== null) return;
            event.preventDefault();
            event.stopPropagation();
            void find();
          }}
        />
        <Button onClick={() => void find()} disabled={finding || !draft.folder.trim()} data-testid="backup-find">
          {finding ? T.finding : T.find}
        </Button>
      </div>
      {found && found.length > 0 && (
        <SelectField
          label={T.file}
          hint={T.fileHint}
          path="file"
          value={draft.file}
          onChange={(file) => edit({ file }, 'file')}
          error={form.errors.file}
          options={found.map((b) => ({ value: b.file, label: backupLabel(b, clinicDateTime(b.createdAt)) }))}
        />
      )}
      <TextField
        label={T.passphrase}
        hint={T.passphraseHint}
        type="password"
        path="passphrase"
        value={draft.passphrase}
        onChange={(passphrase) => edit({ passphrase }, 'passphrase')}
        error={form.errors.passphrase}
        autoComplete="off"
      />
      {children}
      <div className="flex items-center gap-3">
        <Button tone={submitTone} type="submit" disabled={form.saving}>
          {submitLabel}
        </Button>
        {form.saving && <span className="text-sm text-muted">{T.starting}</span>}
      </div>
    </KeyboardForm>
  );
}
