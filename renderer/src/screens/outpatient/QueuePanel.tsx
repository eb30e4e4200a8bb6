import type { QueueVisit } from '../../../../shared/api';
import { DataTable, Panel, type Column } from '../../ui';
import { OUTPATIENT_TEXT } from './text';

const T = OUTPATIENT_TEXT.queue;

const COLUMNS: ReadonlyArray<Column<QueueVisit>> = [
  { key: 'number', header: T.number, width: '3rem', cell: (v) => v.queueNumber },
  { key: 'name', header: T.name, cell: (v) => `${v.patient.name}　${v.patient.sexLabel} ${v.patient.ageText}` },
  { key: 'type', header: T.type, width: '3.5rem', cell: (v) => v.visitTypeLabel },
  { key: 'status', header: T.status, width: '4.5rem', cell: (v) => (v.passed ? T.passed : v.statusLabel) },
];

/** 候诊队列: today's visits for this doctor, waiting first; Enter opens one. */
export function QueuePanel(props: {
  readonly visits: ReadonlyArray<QueueVisit> | null;
  readonly selectedId: string | null;
  readonly onOpen: (visit: QueueVisit) => void;
}) {
  return (
    <Panel title={T.title} testId="doctor-queue">
      <DataTable
        label={T.title}
        columns={COLUMNS}
        rows={props.visits}
        rowKey={(v) => v.id}
        rowData={(v) => ({ 'data-visit-id': v.id, 'data-status': v.passed ? 'passed' : v.status, 'data-patient': v.patient.name })}
        rowClassName={(v) => (v.id === props.selectedId ? 'bg-primary-soft' : '')}
        onActivate={props.onOpen}
        loadingText={T.loading}
        emptyText={T.empty}
        dense
      />
    </Panel>
  );
}
