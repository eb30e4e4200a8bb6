import { useCallback, useEffect, useState } from 'react';
import type { ApiError, OutputOf } from '../../../../shared/api';
import { DEVICE_BAUD_RATES, type DeviceKindName, type ScanView } from '../../../../shared/api/devices';
import { useClient } from '../../app/client-context';
import { fieldErrorsOf, hasFieldErrors, NO_FIELD_ERRORS, withoutField, type FieldErrors } from '../../forms/field-errors';
import { Button, ErrorBanner, KeyboardForm, Notice, Panel, SelectField, TextField } from '../../ui';
import { checkDeviceDraft, draftFromSettings, settingsFromDraft, SETTINGS_FIELD, type DeviceSettingsDraft } from './device-form';
import { DEVICE_TEXT as T } from './text';

type Config = OutputOf<'devices.getConfig'>;
type Ports = OutputOf<'devices.listPorts'>;
type TestOutcome = OutputOf<'devices.testRead'>;
const KINDS: ReadonlyArray<DeviceKindName> = ['card_reader', 'scanner'];

/** 外接设备: which serial port the reader and the scanner are on, at what rate; test read; save. */
export function DevicesPanel() {
  const client = useClient();
  const [config, setConfig] = useState<Config | null>(null);
  const [ports, setPorts] = useState<Ports | null>(null);
  const [draft, setDraft] = useState<DeviceSettingsDraft>(draftFromSettings({ cardReader: null, scanner: null }));
  const [errors, setErrors] = useState<FieldErrors>(NO_FIELD_ERRORS);
  const [error, setError] = useState<ApiError | null>(null);
  const [saved, setSaved] = useState(false);
  const [saving, setSaving] = useState(false);

  const loadPorts = useCallback(async () => {
    const result = await client.api.devices.listPorts({});
    if (result.ok) setPorts(result.value);
    else setError(result.error);
  }, [client]);

  useEffect(() => {
    void (async () => {
      const result = await client.api.devices.getConfig({});
      if (!result.ok) return setError(result.error);
      setConfig(result.value);
      setDraft(draftFromSettings(result.value.settings));
    })();
    void loadPorts();
  }, [client, loadPorts]);

  // The states change as the devices reconnect: read them again while the panel is open.
  useEffect(() => {
    const timer = setInterval(async () => {
      const result = await client.api.devices.getConfig({});
      if (result.ok) setConfig((current) => (current ? { ...current, states: result.value.states } : current));
    }, 2_000);
    return () => clearInterval(timer);
  }, [client]);

  const edit = (kind: DeviceKindName, patch: Partial<DeviceSettingsDraft[DeviceKindName]>, field: 'path' | 'baudRate') => {
    setDraft((current) => ({ ...current, [kind]: { ...current[kind], ...patch } }));
    setErrors((current) => withoutField(current, `${SETTINGS_FIELD[kind]}.${field}`));
    setSaved(false);
  };

  const save = async () => {
    if (saving) return;
    const found = checkDeviceDraft(draft);
    setErrors(found);
    if (hasFieldErrors(found)) return;
    setSaving(true);
    const result = await client.api.devices.saveConfig(settingsFromDraft(draft));
    setSaving(false);
    if (!result.ok) {
      setError(result.error);
      return setErrors(fieldErrorsOf(result.error));
    }
    setError(null);
    setConfig(result.value);
    setSaved(true);
  };

  return (
    <Panel title={T.title} testId="devices-panel">
      <p className="text-ink-soft">{T.intro}</p>
      {config?.source === 'environment' && <p className="rounded-md border border-warning-line bg-warning-soft px-3 py-2 text-warning-ink">{T.fromEnvironment}</p>}
      <ErrorBanner error={error} onDismiss={() => setError(null)} />
      {saved && <Notice>{T.saved}</Notice>}
      {/* The form waits for the saved settings, so nothing typed early is overwritten by the load. */}
      {config === null ? (
        !error && <p className="text-muted" data-testid="devices-loading">{T.loading}</p>
      ) : (
        <KeyboardForm
          onSubmit={() => void save()}
          className="grid gap-4"
        >
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
      <PortList ports={ports} onRefresh={() => void loadPorts()} onUse={(kind, path) => edit(kind, { path }, 'path')} />
    </Panel>
  );
}

interface DeviceRowProps {
  readonly kind: DeviceKindName;
  readonly draft: DeviceSettingsDraft[DeviceKindName];
  readonly errors: FieldErrors;
  readonly state: Config['states'][number] | null;
  readonly ports: Ports['ports'];
  readonly onEdit: (patch: Partial<DeviceSettingsDraft[DeviceKindName]>, field: 'path' | 'baudRate') => void;
}

function DeviceRow({ kind, draft, errors, state, ports, onEdit }: DeviceRowProps) {
  const client = useClient();
  const [testing, setTesting] = useState(false);
  const [outcome, setOutcome] = useState<TestOutcome | null>(null);
  const [testError, setTestError] = useState<ApiError | null>(null);
  const field = SETTINGS_FIELD[kind];
  const listId = `ports-${kind}`;

  const testRead = async () => {
    if (testing || draft.path.trim() === '') return;
    setTesting(true);
    setOutcome(null);
    setTestError(null);
    const result = await client.api.devices.testRead({ kind, port: { path: draft.path.trim(), baudRate: Number(draft.baudRate) } });
    setTesting(false);
    if (result.ok) setOutcome(result.value);
    else setTestError(result.error);
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
      <ErrorBanner error={testError} />
      {outcome && <TestReadResult outcome={outcome} />}
    </fieldset>
  );
}

function TestReadResult({ outcome }: { readonly outcome: TestOutcome }) {
  const ok = outcome.outcome !== 'failed' && !(outcome.outcome === 'reader' && outcome.card.state === 'failed');
  return (
    <div data-testid="test-read-result" data-ok={ok} className={`rounded-md border px-3 py-2 ${ok ? 'border-primary-line bg-primary-soft text-primary-ink' : 'border-danger-line bg-danger-soft text-danger-strong'}`}>
      {describeOutcome(outcome)}
    </div>
  );
}

function describeOutcome(outcome: TestOutcome): string {
  switch (outcome.outcome) {
    case 'failed':
      return outcome.error.message;
    case 'scanner':
      return T.scanOk(describeScan(outcome.scan));
    case 'reader': {
      const head = T.readerOk(outcome.readerVersion);
      const card = outcome.card;
      if (card.state === 'absent') return head + T.cardAbsent;
      if (card.state === 'failed') return head + card.error.message;
      const h = card.holder;
      return head + T.cardRead(h.name, T.sexes[h.sex] ?? '', h.birthDate, h.idNumber);
    }
    default:
      return outcome satisfies never;
  }
}

function describeScan(scan: ScanView): string {
  switch (scan.kind) {
    case 'insurance_voucher':
      return T.scanKinds.insurance_voucher(scan.insuranceNumber);
    case 'patient':
      return T.scanKinds.patient(scan.patientId);
    case 'archive_case':
      return T.scanKinds.archive_case(scan.caseNumber);
    case 'unknown':
      return `${scan.text}（${scan.hint}）`;
    default:
      return scan satisfies never;
  }
}

function PortList({ ports, onRefresh, onUse }: { readonly ports: Ports | null; readonly onRefresh: () => void; readonly onUse: (kind: DeviceKindName, path: string) => void }) {
  return (
    <div className="grid gap-2" data-testid="port-list">
      <div className="flex items-center gap-3">
        <h3 className="font-semibold">{T.ports}</h3>
        <Button className="px-2 py-1 text-sm" onClick={onRefresh}>
          {T.refreshPorts}
        </Button>
      </div>
      {ports?.error && <p className="text-warning-strong">{ports.error}</p>}
      {ports && ports.ports.length === 0 && !ports.error && <p className="text-muted">{T.noPorts}</p>}
      {ports && ports.ports.length > 0 && (
        <table className="w-full text-left text-sm">
          <thead className="border-b border-border-soft text-muted">
            <tr>
              {T.portColumns.map((c, i) => (
                <th key={i} className="py-1 font-normal">
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {ports.ports.map((p) => (
              <tr key={p.path} className="border-b border-divider">
                <td className="py-1 font-mono">{p.path}</td>
                <td className="py-1">{p.manufacturer ?? ''}</td>
                <td className="py-1 font-mono">{p.serialNumber ?? ''}</td>
                <td className="py-1 text-right">
                  {KINDS.map((kind) => (
                    <Button key={kind} className="ml-2 px-2 py-0.5 text-sm" onClick={() => onUse(kind, p.path)}>
                      {T.usePortFor(T.kinds[kind])}
                    </Button>
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
