import { useEffect, useState } from 'react';
import type { ApiError, OutputOf } from '../../../../shared/api';
import { useClient } from '../../app/client-context';
import { fieldErrorsOf } from '../../forms/field-errors';
import { Button, ErrorBanner, KeyboardForm, Notice, Panel, TextField, useForm } from '../../ui';

type LanSettings = OutputOf<'lan.getSettings'>;
type Draft = { serverUrl: string; database: string; username: string; password: string };

const T = {
  title: '本院主机（各电脑实时互通）',
  intro:
    '本院有多台电脑时，填写本院主机（县里信息科设置的本院 CouchDB）的地址和给本机的账号。保存后本机与主机实时同步；主机断开时本机照常工作，恢复后自动补传。',
  fromEnvironment: '当前设置来自启动参数（CLINIC_LAN_*）；在这里保存后以这里为准。',
  fromHub: '本机已与本院主机配对，连接由配对管理。',
  serverUrl: '本院主机地址',
  serverUrlHint: '例如 http://192.168.1.10:5984',
  database: '数据库名',
  username: '本机账号',
  password: '密码',
  passwordKeep: '留空则沿用已保存的密码',
  save: '保存并连接',
  turnOff: '停止实时同步',
  saved: '已保存，正在连接本院主机。',
  turnedOff: '已停止与本院主机的实时同步，本机单独使用。',
} as const;

const draftOf = (view: LanSettings): Draft => ({ serverUrl: view.serverUrl, database: view.database, username: view.username, password: '' });

/** 本院主机: where this PC replicates live with the centre (electron/lan), kept on this PC only. */
export function LanPanel() {
  const client = useClient();
  const [view, setView] = useState<LanSettings | ApiError | null>(null);
  const [link, setLink] = useState<string | null>(null);
  useEffect(() => {
    void client.api.lan.getSettings({}).then((result) => setView(result.ok ? result.value : result.error));
    void client.api.lan.status({}).then((result) => result.ok && setLink(result.value.link.message));
  }, [client]);
  if (view === null || 'code' in view) return <ErrorBanner error={view} />;
  return <LanForm initial={view} link={link} />;
}

function LanForm({ initial, link }: { readonly initial: LanSettings; readonly link: string | null }) {
  const client = useClient();
  const [view, setView] = useState(initial);
  const form = useForm<Draft>(draftOf(initial));
  const { draft, error, saving, notice, dispatch } = form;

  const save = async () => {
    if (saving) return;
    dispatch({ type: 'saveStarted' });
    const result = await client.api.lan.saveSettings({ ...draft, password: draft.password || undefined });
    if (!result.ok) return form.saveFailed(result.error, fieldErrorsOf(result.error));
    setView(result.value);
    dispatch({ type: 'saved', draft: draftOf(result.value), notice: T.saved });
  };
  const turnOff = async () => {
    const result = await client.api.lan.turnOff({});
    if (!result.ok) return form.saveFailed(result.error, {});
    setView(result.value);
    dispatch({ type: 'saved', draft: draftOf(result.value), notice: T.turnedOff });
  };

  return (
    <Panel title={T.title} testId="lan-settings">
      <p className="text-ink-soft">{T.intro}</p>
      {link && <p data-testid="lan-link">{link}</p>}
      {view.source === 'environment' && <p className="rounded-md border border-warning-line bg-warning-soft px-3 py-2 text-warning-ink">{T.fromEnvironment}</p>}
      {view.source === 'hub' && <p className="text-ink-soft">{T.fromHub}</p>}
      <ErrorBanner error={error} onDismiss={() => dispatch({ type: 'dismissError' })} />
      {notice && <Notice>{notice}</Notice>}
      <KeyboardForm ref={form.formRef} onSubmit={() => void save()} className="grid gap-4 md:grid-cols-2">
        <TextField label={T.serverUrl} hint={T.serverUrlHint} type="url" autoComplete="off" className="md:col-span-2" {...form.text('serverUrl')} />
        <TextField label={T.database} autoComplete="off" {...form.text('database')} />
        <TextField label={T.username} autoComplete="off" {...form.text('username')} />
        <TextField
          label={T.password}
          type="password"
          autoComplete="new-password"
          hint={view.passwordSet ? T.passwordKeep : undefined}
          {...form.text('password')}
        />
        <div className="flex gap-3 md:col-span-2">
          <Button tone="primary" type="submit" disabled={saving || view.source === 'hub'}>
            {T.save}
          </Button>
          {view.source === 'saved' && <Button onClick={() => void turnOff()}>{T.turnOff}</Button>}
        </div>
      </KeyboardForm>
    </Panel>
  );
}
