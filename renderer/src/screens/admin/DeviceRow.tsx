import { useState } from 'react';
import type { ApiError, OutputOf } from '../../../../shared/api';
import { DEVICE_BAUD_RATES, type DeviceKindName } from '../../../../shared/api/devices';
import { useClient } from '../../app/client-context';
import type { FieldErrors } from '../../forms/field-errors';
import { Button, ErrorBanner, SelectField, TextField } from '../../ui';
import { SETTINGS_FIELD, type DeviceSettingsDraft } from './device-form';
import { TestReadResult } from './DeviceTestResult';
import type { DeviceConfig, DevicePorts } from './devices-state';
import { DEVICE_TEXT as T } from './text';

/** Where a 试读 is: not started, waiting for the device, or its result. */
type TestRun =
  | { readonly phase: 'idle' }
  | { readonly phase: 'testing' }
  | { readonly phase: 'read'; readonly outcome: OutputOf<'devices.testRead'> }
  | { readonly phase: 'failed'; readonly error: ApiError };

interface DeviceRowProps {
  readonly kind: DeviceKindName;
  readonly draft: DeviceSettingsDraft[DeviceKindName];
  readonly errors: FieldErrors;
  readonly state: DeviceConfig['states'][number] | null;
  readonly ports: DevicePorts['ports'];
  readonly onEdit: (patch: Partial<DeviceSettingsDraft[DeviceKindName]>, field: 'path' | 'baudRate') => void;
}

export function DeviceRow({ kind, draft, errors, state, ports, onEdit }: DeviceRowProps) {
  const client = useClient();
  const [run, setRun] = useState<TestRun>({ phase: 'idle' });
  const testing = run.phase === 'testing';
  const field = SETTINGS_FIELD[kind];
  const listId = `ports-${kind}`;

  const testRead = async () => {
    if (testing || draft.path.trim() === '') return;
    setRun({ phase: 'testing' });
    const result = await client.api.devices.testRead({ kind, port: { path: draft.path.trim(), baudRate: Number(draft.baudRate) } });
    setRun(result.ok ? { phase: 'read', outcome: result.value } : { phase: 'failed', error: result.error });
  };

  return (
    <fieldset data-device-row={kind} className="grid gap-2 rounded-md border border-border-soft p-3">
      <legend className="px-1 font-semibold">{T.kinds[kind]}</legend>
      <div className="grid grid-cols-[1fr_10rem_auto] items-start gap-3">
        <TextField
          label={T.path}
          path={`${field}.path`}
          value={draft.path}
          onChange={(path) => onEdit({ path }, 'path')}
          error={errors[`${field}.path`]}
          placeholder={T.pathPlaceholder}
          list={listId}
          autoComplete="off"
          spellCheck={false}
          inputClassName="font-mono"
        />
        <datalist id={listId}>
          {ports.map((p) => (
            <option key={p.path} value={p.path}>
              {p.manufacturer ?? ''}
            </option>
          ))}
        </datalist>
        <SelectField
          label={T.baudRate}
          path={`${field}.baudRate`}
          value={draft.baudRate}
          options={DEVICE_BAUD_RATES.map((rate) => ({ value: String(rate), label: String(rate) }))}
          onChange={(baudRate) => onEdit({ baudRate }, 'baudRate')}
          error={errors[`${field}.baudRate`]}
        />
        <Button className="mt-7" onClick={() => void testRead()} disabled={testing || draft.path.trim() === ''}>
          {testing ? T.testing : T.testRead}
        </Button>
      </div>
      <p className="text-sm text-ink-soft" data-device-state={state?.status ?? 'not_configured'}>
        {T.state}：{state ? state.message : T.notConfigured}
        {state?.detail && <span className="ml-2 font-mono text-xs text-muted">{state.detail}</span>}
      </p>
      {testing && kind === 'scanner' && <p className="text-primary-strong">{T.scanPrompt}</p>}
      <ErrorBanner error={run.phase === 'failed' ? run.error : null} />
      {run.phase === 'read' && <TestReadResult outcome={run.outcome} />}
    </fieldset>
  );
}
