import { useState } from 'react';
import { ENCOUNTER_STATUS_LABELS, type ApiError, type PatientDetail } from '../../../../shared/api';
import { VISIT_TYPE_LABELS } from '../../../../shared/docs/encounter';
import { useClient } from '../../app/client-context';
import { Button, ErrorBanner } from '../../ui';
import { MERGE_TEXT as T } from './merge-text';

interface MergedRecordsProps {
  readonly detail: PatientDetail;
  readonly canWrite: boolean;
  /** After an unmerge: the survivor is read again by the screen. */
  readonly onUnmerged: (absorbedName: string) => void;
}

/** On a record that absorbed others: which records point here (each can be unmerged), and the visits of all of them. */
export function MergedRecords({ detail, canWrite, onUnmerged }: MergedRecordsProps) {
  const client = useClient();
  const [asking, setAsking] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const nameOf = (patientId: string) => (patientId === detail.id ? T.ownRecord : T.absorbedRecord(detail.mergedFrom.find((m) => m.id === patientId)?.name ?? patientId));

  const unmerge = async (absorbed: PatientDetail['mergedFrom'][number]) => {
    setBusy(true);
    setError(null);
    try {
      const result = await client.api.patients.unmerge({ absorbedId: absorbed.id, absorbedRev: absorbed.rev });
      if (!result.ok) return setError(result.error);
      setAsking(null);
      onUnmerged(absorbed.name);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section data-testid="merged-records" className="grid gap-3 rounded-lg border border-accent-line bg-accent-soft/40 px-4 py-3">
      <ErrorBanner error={error} onDismiss={() => setError(null)} />
      <h4 className="font-medium">{T.mergedFromTitle}</h4>
      <ul className="grid gap-2">
        {detail.mergedFrom.map((m) => (
          <li key={m.id} data-patient-id={m.id} data-merged-into={detail.id} className="grid gap-2 rounded-md bg-surface px-3 py-2">
            <p className="flex flex-wrap items-baseline gap-x-4">
              <span className="font-semibold">{m.name}</span>
              {m.idNumberMasked && <span className="font-mono text-sm">{m.idNumberMasked}</span>}
              <span className="font-mono text-xs text-muted">{m.id}</span>
              <span className="text-sm text-accent">→ {T.pointsHere}</span>
              <span className="flex-1" />
              {canWrite && asking !== m.id && (
                <Button tone="danger" onClick={() => setAsking(m.id)}>
                  {T.unmerge}
                </Button>
              )}
            </p>
            {asking === m.id && (
              <div role="alertdialog" data-testid="unmerge-confirm" className="grid gap-2 rounded-md border border-warning-edge bg-warning-soft px-3 py-2">
                <p>{T.unmergeConfirm(m.name)}</p>
                <div className="flex gap-3">
                  <Button tone="danger" autoFocus disabled={busy} onClick={() => void unmerge(m)}>
                    {T.unmergeYes}
                  </Button>
                  <Button onClick={() => setAsking(null)}>{T.unmergeNo}</Button>
                </div>
              </div>
            )}
          </li>
        ))}
      </ul>
      <h4 className="font-medium">{T.historyTitle}</h4>
      <table data-testid="merged-visits" className="w-full text-left text-sm">
        <thead className="text-ink-soft">
          <tr>
            {T.historyColumns.map((column) => (
              <th key={column} className="py-1 pr-3 font-normal">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {detail.visits.map((v) => (
            <tr key={v.id} data-visit-number={v.visitNumber} data-patient-id={v.patientId} className="border-t border-border-soft">
              <td className="py-1 pr-3">{v.visitDate}</td>
              <td className="py-1 pr-3 font-mono">{v.visitNumber}</td>
              <td className="py-1 pr-3">{v.departmentName}</td>
              <td className="py-1 pr-3">{VISIT_TYPE_LABELS[v.visitType]}</td>
              <td className="py-1 pr-3">{ENCOUNTER_STATUS_LABELS[v.status]}</td>
              <td className="py-1 pr-3">{nameOf(v.patientId)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
