import { useCallback, useEffect, useState } from 'react';
import type { ApiError } from '../../../../../shared/api';
import type { HubStatusView } from '../../../../../shared/api/hub';
import { useClient } from '../../../app/client-context';
import { Button, Confirm, ErrorBanner, Notice, Panel } from '../../../ui';
import { fingerprintGroups, shortTime } from './hub-format';
import { HubListenForm } from './HubListenForm';
import { HUB_TEXT as T } from './text';
import { WorkstationTable } from './WorkstationTable';

/** While the panel is open: last seen, pending counts and the code's validity change by themselves. */
const REFRESH_MS = 5_000;

/** 管理 → 本院主机: make this PC the centre's hub, show its fingerprint and a pairing code, list and revoke workstations. */
export function HubPanel() {
  const client = useClient();
  const [status, setStatus] = useState<HubStatusView | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [askingDisable, setAskingDisable] = useState(false);

  const load = useCallback(async () => {
    const result = await client.api.hub.status({});
    if (result.ok) setStatus(result.value);
    else setError(result.error);
  }, [client]);

  useEffect(() => {
    void load();
    const timer = setInterval(() => void load(), REFRESH_MS);
    return () => clearInterval(timer);
  }, [load]);

  const answered = (result: { ok: true; value: HubStatusView } | { ok: false; error: ApiError }) => {
    if (result.ok) {
      setStatus(result.value);
      setError(null);
    } else setError(result.error);
    return result.ok;
  };

  const newCode = async () => {
    const result = await client.api.hub.newPairingCode({});
    if (!result.ok) return setError(result.error);
    setError(null);
    await load();
  };

  const revoke = async (workstationNumber: string) => {
    const result = await client.api.hub.revoke({ workstationNumber });
    if (!result.ok) return setError(result.error);
    setNotice(T.revoked(workstationNumber));
    await load();
  };

  const disable = async () => {
    answered(await client.api.hub.disable({}));
    setAskingDisable(false);
  };

  const listen = async (host: string, port: number) => answered(await client.api.hub.enable({ host, port }));

  return (
    <Panel title={T.title} testId="hub-panel">
      <p className="text-ink-soft">{T.intro}</p>
      <ErrorBanner error={error} onDismiss={() => setError(null)} />
      {notice && <Notice>{notice}</Notice>}
      {status && !status.enabled && <p>{T.off}</p>}
      {status?.enabled && (
        <div className="grid gap-4" data-testid="hub-running" data-running={status.running}>
          {status.running ? (
            <Notice tone="success">{T.running(addressesOf(status))}</Notice>
          ) : (
            <p className="rounded-md border border-warning-line bg-warning-soft px-3 py-2 text-warning-ink">{status.problem ?? T.stopped}</p>
          )}
          {status.fingerprint && <Fingerprint fingerprint={status.fingerprint} />}
          <div className="grid gap-2" data-testid="hub-pairing">
            <h3 className="font-semibold">{T.codeTitle}</h3>
            {status.pairingCode ? (
              <p>
                <span data-testid="hub-pairing-code" className="mr-3 font-mono text-3xl tracking-widest">
                  {status.pairingCode.code}
                </span>
                <span className="text-sm text-muted">{T.codeExpires(shortTime(status.pairingCode.expiresAt) ?? '')}</span>
              </p>
            ) : (
              <p className="text-muted">{T.noCode}</p>
            )}
            <div>
              <Button tone="primary" onClick={() => void newCode()} disabled={!status.running}>
                {T.newCode}
              </Button>
            </div>
          </div>
          <h3 className="font-semibold">{T.workstations}</h3>
          <WorkstationTable workstations={status.workstations} onRevoke={revoke} />
        </div>
      )}
      {status && <HubListenForm status={status} onSave={listen} onDisable={() => setAskingDisable(true)} />}
      {askingDisable && (
        <Confirm title={T.disableConfirm} confirmLabel={T.disable} onConfirm={() => void disable()} onCancel={() => setAskingDisable(false)}>
          <p>{T.disableExplain}</p>
        </Confirm>
      )}
    </Panel>
  );
}

/** What a new PC types: `192.168.1.10:6984` for each LAN address this PC listens on. */
function addressesOf(status: HubStatusView): string {
  const wildcard = status.host === '0.0.0.0' || status.host === '::';
  const hosts = wildcard && status.lanAddresses.length > 0 ? status.lanAddresses : [status.host];
  const port = status.listeningPort ?? status.port;
  return hosts.map((host) => `${host}:${port}`).join('、');
}

function Fingerprint({ fingerprint }: { readonly fingerprint: string }) {
  const { typed, rest } = fingerprintGroups(fingerprint);
  return (
    <div className="grid gap-1">
      <h3 className="font-semibold">{T.fingerprint}</h3>
      <p className="font-mono text-lg break-all" data-testid="hub-fingerprint" data-fingerprint={fingerprint}>
        <strong>{typed.join(' ')}</strong> {rest.join(' ')}
      </p>
      <p className="text-sm text-muted">{T.fingerprintHint}</p>
    </div>
  );
}
