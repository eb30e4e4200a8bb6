import { useState } from 'react';
import type { PairedWorkstationView } from '../../../../../shared/api/hub';
import { Button, Confirm } from '../../../ui';
import { shortTime } from './hub-format';
import { HUB_TEXT as T } from './text';

interface WorkstationTableProps {
  readonly workstations: ReadonlyArray<PairedWorkstationView>;
  /** Resolves when the revocation has been answered (the list is then read again). */
  readonly onRevoke: (workstationNumber: string) => Promise<void>;
}

/** The workstations paired with this hub: number, name, when paired and last seen, changes not yet fetched; 停用 behind a confirmation. */
export function WorkstationTable({ workstations, onRevoke }: WorkstationTableProps) {
  const [asking, setAsking] = useState<PairedWorkstationView | null>(null);
  const [busy, setBusy] = useState(false);

  if (workstations.length === 0) return <p className="text-muted">{T.noWorkstations}</p>;

  const confirm = async () => {
    if (!asking || busy) return;
    setBusy(true);
    await onRevoke(asking.workstationNumber);
    setBusy(false);
    setAsking(null);
  };

  return (
    <div className="grid gap-3">
      <table className="w-full text-left" data-testid="hub-workstations">
        <thead className="border-b border-border text-sm text-muted">
          <tr>
            {[T.number, T.label, T.pairedAt, T.lastSeen, T.pending, T.state, ''].map((heading, i) => (
              <th key={i} className="py-1.5 font-normal">
                {heading}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {workstations.map((w) => (
            <tr key={w.workstationNumber} data-workstation={w.workstationNumber} className="border-b border-border-soft">
              <td className="py-1.5 font-mono">{w.workstationNumber}</td>
              <td className="py-1.5">{w.label}</td>
              <td className="py-1.5">{shortTime(w.pairedAt) ?? T.never}</td>
              <td className="py-1.5">{shortTime(w.lastSeenAt) ?? T.never}</td>
              <td className="py-1.5">{w.pending ?? T.never}</td>
              <td className="py-1.5">{w.revokedAt ? T.revokedAt(shortTime(w.revokedAt) ?? '') : T.active}</td>
              <td className="py-1.5 text-right">
                {!w.revokedAt && (
                  <Button size="small" tone="danger" onClick={() => setAsking(w)}>
                    {T.revoke}
                  </Button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {asking && (
        <Confirm
          title={T.revokeConfirm(asking.workstationNumber, asking.label)}
          confirmLabel={T.revoke}
          busy={busy}
          busyLabel={T.revoking}
          onConfirm={() => void confirm()}
          onCancel={() => setAsking(null)}
          testId="hub-revoke-confirm"
        >
          <p>{T.revokeExplain}</p>
        </Confirm>
      )}
    </div>
  );
}
