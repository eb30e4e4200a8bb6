import { useState } from 'react';
import { ENCOUNTER_STATUS_LABELS, type ApiError, type PatientDetail } from '../../../../shared/api';
import { VISIT_TYPE_LABELS } from '../../../../shared/docs/encounter';
import { useClient } from '../../app/client-context';
import { Button, Card, Confirm, DataTable, ErrorBanner, type Column } from '../../ui';
import { MERGE_TEXT as T } from './merge-text';

type Visit = PatientDetail['visits'][number];

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
  const nameOf = (patientId: string) =>
    patientId === detail.id ? T.ownRecord : T.absorbedRecord(detail.mergedFrom.find((m) => m.id === patientId)?.name ?? patientId);

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

  const [DATE, NUMBER, DEPARTMENT, TYPE, STATUS, RECORD] = T.historyColumns;
  const columns: ReadonlyArray<Column<Visit>> = [
    { key: 'date', header: DATE, width: '6.5rem', cell: (v) => v.visitDate, sortValue: (v) => v.visitDate },
    { key: 'number', header: NUMBER, width: '9.5rem', cell: (v) => v.visitNumber, sortValue: (v) => v.visitNumber, className: 'font-mono' },
    { key: 'department', header: DEPARTMENT, cell: (v) => v.departmentName, sortValue: (v) => v.departmentName, fullText: (v) => v.departmentName },
    { key: 'type', header: TYPE, width: '4rem', cell: (v) => VISIT_TYPE_LABELS[v.visitType] },
    { key: 'status', header: STATUS, width: '4.5rem', cell: (v) => ENCOUNTER_STATUS_LABELS[v.status] },
    { key: 'record', header: RECORD, cell: (v) => nameOf(v.patientId), sortValue: (v) => nameOf(v.patientId), fullText: (v) => nameOf(v.patientId) },
  ];

  return (
    <Card data-testid="merged-records" tone="accent" compact>
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
              <Confirm
                testId="unmerge-confirm"
                tone="warning"
                title={T.unmergeConfirm(m.name)}
                confirmLabel={T.unmergeYes}
                cancelLabel={T.unmergeNo}
                busy={busy}
                onConfirm={() => void unmerge(m)}
                onCancel={() => setAsking(null)}
              />
            )}
          </li>
        ))}
      </ul>
      <h4 className="font-medium">{T.historyTitle}</h4>
      <div className="text-sm">
        <DataTable
          label={T.historyTitle}
          testId="merged-visits"
          columns={columns}
          rows={detail.visits}
          rowKey={(v) => v.id}
          rowData={(v) => ({ 'data-visit-number': v.visitNumber, 'data-patient-id': v.patientId })}
          dense
        />
      </div>
    </Card>
  );
}
