import { useState } from 'react';
import type { SealDetailView, SealPreviewView, SealView } from '../../../../../shared/api/custody';
import { clinicDateTime } from '../../../../../shared/time/clinic-time';
import { useLiveQuery } from '../../../api/use-live-query';
import { useClient } from '../../../app/client-context';
import { useClinicZone } from '../../../app/clinic-clock';
import { Button, DataTable, ErrorBanner, Panel, RowButton, StatusLine, TextField, type Column } from '../../../ui';
import { useDeskCall } from '../lending/use-call';
import type { RecordRoomTabProps } from '../tab-types';
import { ConfirmSides, confirmationOf, NO_SIDES, type Sides } from './ConfirmSides';
import { SealDetail } from './SealDetail';
import { SEALING_TEXT as T } from './text';

/** 封存 (AR-26–AR-34): seal a case with both sides, list the seals, open one, add stages, unseal. */
export function SealingTab({ user }: RecordRoomTabProps) {
  const client = useClient();
  const zone = useClinicZone();
  const desk = useDeskCall();
  const list = useLiveQuery('custody.seals', {}, [{ kind: 'other' }]);
  const [caseNumbers, setCaseNumbers] = useState('');
  const [reason, setReason] = useState('');
  const [preview, setPreview] = useState<SealPreviewView | null>(null);
  const [sides, setSides] = useState<Sides>(NO_SIDES);
  const [open, setOpen] = useState<SealDetailView | null>(null);
  const numbers = () => caseNumbers.split(/\s+/).filter(Boolean);

  const makePreview = async () =>
    setPreview(
      await desk.run(
        () => client.call('custody.sealPreview', { caseNumbers: numbers() }),
        () => null,
      ),
    );
  const seal = async () => {
    if (!preview) return;
    const made = await desk.run(
      () => client.call('custody.seal', { caseNumbers: numbers(), reason, confirmation: confirmationOf(preview, sides) }),
      (v) => T.sealed(v.itemCount),
    );
    if (made) {
      setPreview(null);
      setSides(NO_SIDES);
      setOpen(made);
    }
  };
  const openSeal = async (row: SealView) =>
    setOpen(
      await desk.run(
        () => client.call('custody.sealDetail', { sealId: row.id }),
        () => null,
      ),
    );

  const columns: ReadonlyArray<Column<SealView>> = [
    { key: 'cases', header: '病案号', width: '14rem', cell: (s) => s.caseNumbers.join('、') },
    { key: 'reason', header: T.reason, width: '12rem', cell: (s) => s.reason },
    { key: 'at', header: '封存时间', width: '10rem', cell: (s) => clinicDateTime(s.sealedAt, zone) },
    { key: 'stages', header: '批次', width: '4rem', cell: (s) => String(s.stageCount) },
    { key: 'status', header: '状态', width: '5rem', cell: (s) => <span data-status={s.status}>{T.status[s.status]}</span> },
    {
      key: 'open',
      header: '',
      width: '5rem',
      cell: (s) => (
        <RowButton action="open" onClick={() => void openSeal(s)}>
          {T.open}
        </RowButton>
      ),
    },
  ];

  return (
    <div className="grid gap-section">
      <ErrorBanner error={desk.error ?? list.error} />
      {desk.notice && <StatusLine>{desk.notice}</StatusLine>}
      <Panel title={T.newTitle} testId="seal-new">
        <div className="grid grid-cols-2 gap-field">
          <TextField label={T.caseNumbers} path="caseNumbers" value={caseNumbers} onChange={setCaseNumbers} />
          <TextField label={T.reason} path="reason" value={reason} onChange={setReason} />
        </div>
        <div>
          <Button onClick={() => void makePreview()}>{T.preview}</Button>
        </div>
        {preview && (
          <>
            <ConfirmSides preview={preview} sides={sides} onChange={setSides} />
            <div>
              <Button tone="primary" onClick={() => void seal()} disabled={desk.busy}>
                {T.seal}
              </Button>
            </div>
          </>
        )}
      </Panel>
      <Panel title={T.listTitle} testId="seal-list-panel">
        <DataTable
          label={T.listTitle}
          columns={columns}
          rows={list.value?.seals ?? null}
          rowKey={(s) => s.id}
          rowData={(s) => ({ 'data-seal': s.id })}
          emptyText={T.noSeals}
        />
        {open && <SealDetail seal={open} roles={user.roles} desk={desk} onChanged={setOpen} />}
      </Panel>
    </div>
  );
}
