import { useEffect, useState } from 'react';
import type { HubStatusView } from '../../../../../shared/api/hub';
import { Button, KeyboardForm, TextField } from '../../../ui';
import { HUB_TEXT as T } from './text';

interface HubListenFormProps {
  readonly status: HubStatusView;
  /** Turns hub mode on, or moves it to this address and port; resolves true when it runs there. */
  readonly onSave: (host: string, port: number) => Promise<boolean>;
  readonly onDisable: () => void;
}

/** Where the hub listens (0.0.0.0:6984 unless changed): 设为本院主机, or move it; 关闭本院主机. */
export function HubListenForm({ status, onSave, onDisable }: HubListenFormProps) {
  const [host, setHost] = useState(status.host);
  const [port, setPort] = useState(String(status.port));
  const [portError, setPortError] = useState<string | undefined>();
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    setHost(status.host);
    setPort(String(status.port));
  }, [status.host, status.port]);

  const save = async () => {
    const number = Number(port.trim());
    if (!Number.isInteger(number) || number < 1024 || number > 65535) return setPortError(T.portInvalid);
    setPortError(undefined);
    setSaving(true);
    await onSave(host.trim(), number);
    setSaving(false);
  };

  return (
    <KeyboardForm onSubmit={() => void save()} className="grid gap-3" data-testid="hub-listen-form">
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField label={T.host} path="host" hint={T.hostHint} value={host} onChange={setHost} inputClassName="font-mono" spellCheck={false} />
        <TextField
          label={T.port}
          path="port"
          hint={T.portHint}
          value={port}
          onChange={setPort}
          error={portError}
          inputMode="numeric"
          inputClassName="max-w-32 font-mono"
        />
      </div>
      <div className="flex items-center gap-3">
        <Button tone="primary" type="submit" disabled={saving}>
          {status.enabled ? T.saveListen : T.enable}
        </Button>
        {saving && <span className="text-sm text-muted">{T.enabling}</span>}
        {status.enabled && (
          <Button tone="danger" onClick={onDisable} disabled={saving}>
            {T.disable}
          </Button>
        )}
      </div>
    </KeyboardForm>
  );
}
