import { useEffect, useState } from 'react';
import type { ApiError } from '../../../../shared/api';
import type { SyncSettingsView } from '../../../../shared/api/sync';
import { useClient } from '../../app/client-context';
import { fieldErrorsOf, hasFieldErrors } from '../../forms/field-errors';
import { Button, Card, ErrorBanner, KeyboardForm, Notice, Panel, TextField, useForm } from '../../ui';
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

/**
 * A 24-hour clock time typed as HH:MM. Not `type="time"`: its AM/PM half follows the PC's locale and
 * was clipped in the narrow field ("01:00 AI"); the contract checks the HH:MM form.
 */
const CLOCK_FIELD = { inputMode: 'numeric', placeholder: '01:00', maxLength: 5, inputClassName: 'font-mono', spellCheck: false } as const;

/** 同步设置: the county's address, this clinic's database and account, the nightly window. */
export function SyncSettingsPanel({ onSaved }: { readonly onSaved: () => void }) {
  const client = useClient();
  const [loaded, setLoaded] = useState<SyncSettingsView | ApiError | null>(null);

  useEffect(() => {
    void (async () => {
      const result = await client.api.sync.getSettings({});
      setLoaded(result.ok ? result.value : result.error);
    })();
  }, [client]);

  if (loaded === null || 'code' in loaded) {
    return (
      <Card data-testid="sync-settings">
        <ErrorBanner error={loaded} />
      </Card>
    );
  }
  return <SettingsForm initial={loaded} onSaved={onSaved} />;
}

function SettingsForm({ initial, onSaved }: { readonly initial: SyncSettingsView; readonly onSaved: () => void }) {
  const client = useClient();
  const [view, setView] = useState(initial);
  const form = useForm<SyncSettingsDraft>(draftFromView(initial));
  const { draft, errors, error, saving, notice, dispatch } = form;

  const save = async () => {
    if (saving) return;
    const found = checkSettingsDraft(draft, view.passwordSet);
    dispatch({ type: 'showErrors', errors: found });
    if (hasFieldErrors(found)) return;
    dispatch({ type: 'saveStarted' });
    const result = await client.api.sync.saveSettings(inputFromDraft(draft));
    if (!result.ok) return dispatch({ type: 'saveFailed', error: result.error, errors: fieldErrorsOf(result.error) });
    setView(result.value);
    dispatch({ type: 'saved', draft: draftFromView(result.value), notice: T.saved });
    onSaved();
  };

  type Extra = { hint?: string; type?: string; autoComplete?: string; className?: string; clock?: boolean };
  const field = (name: keyof SyncSettingsDraft, label: string, extra: Extra = {}) => (
    <TextField
      label={label}
      path={PATHS[name]}
      value={draft[name]}
      onChange={(value) => form.edit({ [name]: value }, PATHS[name])}
      error={errors[PATHS[name]]}
      hint={extra.hint}
      type={extra.type ?? 'text'}
      autoComplete={extra.autoComplete ?? 'off'}
      className={extra.className}
      {...(extra.clock ? CLOCK_FIELD : {})}
    />
  );

  return (
    <Panel title={T.title} testId="sync-settings">
      {view.source === 'environment' && <p className="rounded-md border border-warning-line bg-warning-soft px-3 py-2 text-warning-ink">{T.fromEnvironment}</p>}
      <ErrorBanner error={error} onDismiss={() => dispatch({ type: 'dismissError' })} />
      {notice && <Notice>{notice}</Notice>}
      <KeyboardForm ref={form.formRef} onSubmit={() => void save()} className="grid gap-4 md:grid-cols-2">
        {field('serverUrl', T.serverUrl, { hint: T.serverUrlHint, type: 'url', className: 'md:col-span-2' })}
        {field('database', T.database, { hint: T.databaseHint })}
        {field('username', T.username)}
        {field('password', T.password, { type: 'password', autoComplete: 'new-password', hint: view.passwordSet ? T.passwordKeep : T.passwordNew })}
        <div className="grid grid-cols-2 gap-3">
          {field('windowStart', T.windowStart, { clock: true, hint: T.windowHint })}
          {field('windowEnd', T.windowEnd, { clock: true })}
        </div>
        <div className="md:col-span-2">
          <Button tone="primary" type="submit" disabled={saving}>
            {saving ? T.saving : T.save}
          </Button>
        </div>
      </KeyboardForm>
    </Panel>
  );
}
