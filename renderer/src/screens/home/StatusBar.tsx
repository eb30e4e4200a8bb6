import type { SessionUser } from '../../../../shared/api';
import { useClinicZone } from '../../app/clinic-clock';
import { ShortcutHelpButton } from '../../keyboard/ShortcutHelpButton';
import { describeDevices, describeLan, describeSync } from './status-text';
import { STATUS_TEXT as T } from './text';
import type { SystemStatusState } from './use-system-status';

interface StatusBarProps {
  readonly state: SystemStatusState;
  /** Known from login, so the user is shown even before the first status read. */
  readonly user: SessionUser;
  readonly onLogout: () => void;
}

export function StatusBar({ state, user, onLogout }: StatusBarProps) {
  const { status, error } = state;
  const now = new Date();
  const zone = useClinicZone();
  return (
    <footer data-testid="status-bar" className="flex items-center gap-5 border-t border-border bg-surface-strong px-4 py-1.5 text-sm text-ink-soft">
      <Slot name="user" label={T.user} value={`${user.displayName}（${user.username}）`} />
      {status ? (
        <>
          <Slot name="clinic" label={T.clinic} value={status.clinicName} />
          <Slot name="workstation" label={T.workstation} value={status.workstationId} />
          <Slot name="sync" label={T.sync} value={describeSync(status.sync, now, zone)} warn={status.sync.state === 'error'} title={status.sync.message} />
          {status.lan.state !== 'off' && (
            <Slot
              name="lan"
              label={T.lan}
              value={describeLan(status.lan, now)}
              warn={status.lan.state === 'unreachable' || status.lan.state === 'refused'}
              title={status.lan.message}
            />
          )}
          <Slot name="devices" label={T.devices} value={describeDevices(status.devices)} warn={status.devices.state === 'error'} />
        </>
      ) : (
        !error && <span>{T.loading}</span>
      )}
      {error && (
        <span data-testid="status-error" className="text-warning-strong">
          {error.code === 'TRANSPORT' ? T.unreachable : error.message}
        </span>
      )}
      <span className="flex-1" />
      {status && <span className="text-muted">{T.version(status.version)}</span>}
      <ShortcutHelpButton className="rounded px-2 py-0.5 text-primary-strong hover:bg-surface-hover" />
      <button type="button" onClick={onLogout} className="rounded px-2 py-0.5 text-primary-strong hover:bg-surface-hover">
        {T.logout}
      </button>
    </footer>
  );
}

interface SlotProps {
  readonly name: string;
  readonly label: string;
  readonly value: string;
  readonly warn?: boolean;
  readonly title?: string;
}

function Slot({ name, label, value, warn, title }: SlotProps) {
  return (
    <span data-status={name} title={title} className={warn ? 'text-danger' : undefined}>
      <span className="text-muted">{label}：</span>
      {value}
    </span>
  );
}
