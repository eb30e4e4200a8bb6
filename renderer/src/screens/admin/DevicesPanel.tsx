import { useCallback, useEffect, useReducer } from 'react';
import type { DeviceKindName } from '../../../../shared/api/devices';
import { useClient } from '../../app/client-context';
import { fieldErrorsOf, hasFieldErrors } from '../../forms/field-errors';
import { Button, ErrorBanner, KeyboardForm, Notice, Panel } from '../../ui';
import { checkDeviceDraft, settingsFromDraft, type DeviceSettingsDraft } from './device-form';
import { DevicePortList } from './DevicePortList';
import { DeviceRow } from './DeviceRow';
import { devicesReducer, INITIAL_DEVICES } from './devices-state';
import { DEVICE_TEXT as T } from './text';

const KINDS: ReadonlyArray<DeviceKindName> = ['card_reader', 'scanner'];

/** 外接设备: which serial port the reader and the scanner are on, at what rate; test read; save. */
export function DevicesPanel() {
  const client = useClient();
  const [state, dispatch] = useReducer(devicesReducer, INITIAL_DEVICES);
  const { config, ports, draft, errors, error, saving, saved } = state;

  const loadPorts = useCallback(async () => {
    const result = await client.api.devices.listPorts({});
    dispatch(result.ok ? { type: 'portsRead', ports: result.value } : { type: 'failed', error: result.error });
  }, [client]);

  useEffect(() => {
    void (async () => {
      const result = await client.api.devices.getConfig({});
      dispatch(result.ok ? { type: 'configRead', config: result.value } : { type: 'failed', error: result.error });
    })();
    void loadPorts();
  }, [client, loadPorts]);

  // The states change as the devices reconnect: read them again while the panel is open.
  useEffect(() => {
    const timer = setInterval(async () => {
      const result = await client.api.devices.getConfig({});
      if (result.ok) dispatch({ type: 'statesRead', states: result.value.states });
    }, 2_000);
    return () => clearInterval(timer);
  }, [client]);

  const edit = (kind: DeviceKindName, patch: Partial<DeviceSettingsDraft[DeviceKindName]>, field: 'path' | 'baudRate') =>
    dispatch({ type: 'edit', kind, patch, field });

  const save = async () => {
    if (saving) return;
    const found = checkDeviceDraft(draft);
    dispatch({ type: 'checked', errors: found });
    if (hasFieldErrors(found)) return;
    dispatch({ type: 'saveStarted' });
    const result = await client.api.devices.saveConfig(settingsFromDraft(draft));
    dispatch(result.ok ? { type: 'saved', config: result.value } : { type: 'saveFailed', error: result.error, errors: fieldErrorsOf(result.error) });
  };

  return (
    <Panel title={T.title} testId="devices-panel">
      <p className="text-ink-soft">{T.intro}</p>
      {config?.source === 'environment' && (
        <p className="rounded-md border border-warning-line bg-warning-soft px-3 py-2 text-warning-ink">{T.fromEnvironment}</p>
      )}
      <ErrorBanner error={error} onDismiss={() => dispatch({ type: 'dismissError' })} />
      {saved && <Notice>{T.saved}</Notice>}
      {/* The form waits for the saved settings, so nothing typed early is overwritten by the load. */}
      {config === null ? (
        !error && (
          <p className="text-muted" data-testid="devices-loading">
            {T.loading}
          </p>
        )
      ) : (
        <KeyboardForm onSubmit={() => void save()} className="grid gap-4">
          {KINDS.map((kind) => (
            <DeviceRow
              key={kind}
              kind={kind}
              draft={draft[kind]}
              errors={errors}
              state={config.states.find((s) => s.kind === kind) ?? null}
              ports={ports?.ports ?? []}
              onEdit={(patch, field) => edit(kind, patch, field)}
            />
          ))}
          <div>
            <Button tone="primary" type="submit" disabled={saving}>
              {saving ? T.saving : T.save}
            </Button>
          </div>
        </KeyboardForm>
      )}
      <DevicePortList ports={ports} onRefresh={() => void loadPorts()} onUse={(kind, path) => edit(kind, { path }, 'path')} />
    </Panel>
  );
}
