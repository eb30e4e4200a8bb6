import type { DeviceStateView } from '../../../../shared/api/devices';
import { REG_TEXT } from './text';

const T = REG_TEXT.devices;

const TONE: Readonly<Record<DeviceStateView['status'], string>> = {
  ready: 'border-primary-line bg-primary-soft text-primary-strong',
  connecting: 'border-border bg-surface-muted text-ink-soft',
  disconnected: 'border-warning-edge bg-warning-soft text-warning-ink',
  error: 'border-danger-line bg-danger-soft text-danger-strong',
};

/** The reader's and scanner's state next to the keys that use them; the full message on hover. */
export function DeviceChips({ states }: { readonly states: ReadonlyArray<DeviceStateView> | null }) {
  if (states === null) return null;
  const chip = (kind: DeviceStateView['kind'], label: string) => {
    const state = states.find((s) => s.kind === kind);
    return (
      <span
        data-device={kind}
        data-device-status={state?.status ?? 'not_configured'}
        title={state?.message}
        className={`rounded-full border px-2.5 py-0.5 text-sm ${state ? TONE[state.status] : 'border-border-soft text-muted'}`}
      >
        {label}：{state ? T.states[state.status] : T.notSet}
      </span>
    );
  };
  return (
    <span className="flex gap-2" data-testid="device-chips">
      {chip('card_reader', T.reader)}
      {chip('scanner', T.scanner)}
    </span>
  );
}

/** An unplugged or failing device, in full words: what is wrong and what to do. */
export function DeviceProblems({ states }: { readonly states: ReadonlyArray<DeviceStateView> | null }) {
  const problems = (states ?? []).filter((s) => s.status === 'disconnected' || s.status === 'error');
  if (problems.length === 0) return null;
  return (
    <div role="status" data-testid="device-problems" className="rounded-md border border-warning-edge bg-warning-soft px-4 py-2 text-warning-ink">
      {problems.map((s) => (
        <p key={s.kind}>{s.message}</p>
      ))}
    </div>
  );
}
