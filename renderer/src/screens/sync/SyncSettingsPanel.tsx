import { useEffect, useState } from 'react';
import type { ApiError } from '../../../../shared/api';
import type { SyncSettingsView } from '../../../../shared/api/sync';
import { useClient } from '../../app/client-context';
import { fieldErrorsOf, hasFieldErrors, NO_FIELD_ERRORS, withoutField, type FieldErrors } from '../../forms/field-errors';
import { Button, ErrorBanner, KeyboardForm, Notice, TextField } from '../../ui';
import { checkSettingsDraft, draftFromView, inputFromDraft, type SyncSettingsDraft } from './settings-draft';
import { SYNC_TEXT } from './text';

const T = SYNC_TEXT.settings;

/** Which contract path each draft field answers to (field errors come back by path). */
const PATHS: Readonly<Record<keyof SyncSettingsDraft, string>> = {
  serverUrl: 'serverUrl',
  database: 'database',
  username: 'username',
  password: 'password',
  windowStart: 'window.start',
  windowEnd: 'window.end',
};

/** 同步设置: the county's address, this clinic's database and account, the nightly window. */
export function SyncSettingsPanel({ onSaved }: { readonly onSaved: () => void }) {
  const client = useClient();
  const [view, setView] = useState<SyncSettingsView | null>(null);
  const [draft, setDraft] = useState<SyncSettingsDraft | null>(null);
  const [errors, setErrors] = useState<FieldErrors>(NO_FIELD_ERRORS);
  const [error, setError] = useState<ApiError | null>(null);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    void (async () => {
      const result = await client.api.sync.getSettings({});
      if (!result.ok) return setError(result.error);
      setView(result.value);
      setDraft(draftFromView(result.value));
    })();
  }, [client]);

  if (!draft || !view) {
    return (
      <section data-testid="sync-settings" className="rounded-lg bg-surface p-5 shadow-sm">
        <ErrorBanner error={error} />
      </section>
    );
  }

  const edit = (field: keyof SyncSettingsDraft, value: string) => {
    setDraft({ ...draft, [field]: value });
    setErrors((current) => withoutField(current, PATHS[field]));
    setSaved(false);
  };

  const save = async () => {
    if (saving) return;
    const found = checkSettingsDraft(draft, view.passwordSet);
    setErrors(found);
    if (hasFieldErrors(found)) return;
    setSaving(true);
    const result = await client.api.sync.saveSettings(inputFromDraft(draft));
    setSaving(false);
    if (!result.ok) {
      setError(result.error);
      return setErrors(fieldErrorsOf(result.error));
    }
    setError(null);
    setView(result.value);
    setDraft(draftFromView(result.value));
    setSaved(true);
    onSaved();
  };

  const field = (name: keyof SyncSettingsDraft, label: string, extra: { hint?: string; type?: string; autoComplete?: string; className?: string } = {}) => (
    <TextField
      label={label}
      path={PATHS[name]}
      value={draft[name]}
      onChange={(value) => edit(name, value)}
      error={errors[PATHS[name]]}
      hint={extra.hint}
      type={extra.type ?? 'text'}
      autoComplete={extra.autoComplete ?? 'off'}
      className={extra.className}
    />
  );

  return (
    <section data-testid="sync-settings" className="grid content-start gap-4 rounded-lg bg-surface p-5 shadow-sm">
      <h2 className="text-lg font-semibold">{T.title}</h2>
      {view.source === 'environment' && <p className="rounded-md border border-warning-line bg-warning-soft px-3 py-2 text-warning-ink">{T.fromEnvironment}</p>}
      <ErrorBanner error={error} onDismiss={() => setError(null)} />
      {saved && <Notice>{T.saved}</Notice>}
      <KeyboardForm
        onSubmit={() => void save()}
        className="grid gap-4 md:grid-cols-2"
      >
        {field('serverUrl', T.serverUrl, { hint: T.serverUrlHint, type: 'url', className: 'md:col-span-2' })}
        {field('database', T.database, { hint: T.databaseHint })}
        {field('username', T.username)}
        {field('password', T.password, { type: 'password', autoComplete: 'new-password', hint: view.passwordSet ? T.passwordKeep : T.passwordNew })}
        <div className="grid grid-cols-2 gap-3">
          {field('windowStart', T.windowStart, { type: 'time', hint: T.windowHint })}
          {field('windowEnd', T.windowEnd, { type: 'time' })}
        </div>
        <div className="md:col-span-2">
          <Button tone="primary" type="submit" disabled={saving}>
            {saving ? T.saving : T.save}
          </Button>
        </div>
      </KeyboardForm>
    </section>
  );
}
