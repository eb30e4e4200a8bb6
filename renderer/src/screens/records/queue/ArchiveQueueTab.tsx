import { useState } from 'react';
import { QUEUE_STATE_LABELS, type QueueEntryView } from '../../../../../shared/api';
import { useLiveQuery } from '../../../api/use-live-query';
import { DataTable, ErrorBanner, Panel, type Column } from '../../../ui';
import type { RecordRoomTabProps } from '../tab-types';
import { ReviewPanel } from './ReviewPanel';

const COLUMNS: ReadonlyArray<Column<QueueEntryView>> = [
  { key: 'date', header: '就诊日期', width: '8rem', cell: (e) => e.visitDate, sortValue: (e) => e.visitDate },
  { key: 'patient', header: '患者', width: '7rem', cell: (e) => e.patientName },
  { key: 'department', header: '科室', width: '6rem', cell: (e) => e.departmentName },
  { key: 'doctor', header: '医生', width: '6rem', cell: (e) => e.doctorName },
  { key: 'type', header: '类型', width: '4rem', cell: (e) => e.visitTypeLabel },
  { key: 'state', header: '状态', width: '11rem', cell: (e) => QUEUE_STATE_LABELS[e.state] },
  { key: 'waiting', header: '已等待', width: '5rem', align: 'end', cell: (e) => `${e.waitingDays} 天`, sortValue: (e) => e.waitingDays },
];

/**
 * 归档队列: completed visits with a signed note waiting to be checked, graded and archived, oldest
 * first. The list follows the centre (useLiveQuery): a visit completed, a task answered or a case
 * archived on any PC shows here as it lands. Enter on a row opens its checks and the QC form.
 */
export function ArchiveQueueTab({ user }: RecordRoomTabProps) {
  const queue = useLiveQuery('archive.queue', {}, [{ kind: 'visits' }, { kind: 'other' }]);
  const [open, setOpen] = useState<string | null>(null);
  return (
    <Panel title="归档队列" testId="archive-queue" actions={<span className="text-ink-soft">{queue.value ? `共 ${queue.value.entries.length} 份` : ''}</span>}>
      <ErrorBanner error={queue.error} />
      <DataTable
        label="归档队列"
        testId="archive-queue-table"
        columns={COLUMNS}
        rows={queue.value?.entries ?? null}
        rowKey={(e) => e.encounterId}
        rowData={(e) => ({ 'data-encounter': e.encounterId, 'data-state': e.state })}
        onActivate={(e) => setOpen((current) => (current === e.encounterId ? null : e.encounterId))}
        detail={(e) => (e.encounterId === open ? <ReviewPanel entry={e} user={user} onDone={() => void queue.reload()} /> : null)}
        loadingText="正在读取归档队列…"
        emptyText="没有等待归档的病历。"
      />
    </Panel>
  );
}
