import { useCallback, useState } from 'react';
import type { LoanView } from '../../../../../shared/api/custody';
import type { DeviceEvent } from '../../../../../shared/api/devices';
import type { LendingPurpose } from '../../../../../shared/docs/access-grant';
import { clinicDate } from '../../../../../shared/time/clinic-time';
import { useLiveQuery } from '../../../api/use-live-query';
import { useClient } from '../../../app/client-context';
import { useClinicZone } from '../../../app/clinic-clock';
import { Button, DataTable, ErrorBanner, Panel, SelectField, StatusLine, TextField, type Column } from '../../../ui';
import { useDeviceEvents } from '../../registration/use-device-events';
import { LENDING_TEXT as T, PURPOSE_OPTIONS } from './text';
import { fieldError, useDeskCall } from './use-call';

type Folder = { readonly caseNumber: string; readonly known: boolean; readonly outstanding: LoanView | null };

/**
 * The lending desk: a folder's barcode (from the scanner, or typed) says which folder; a folder in
 * the room is lent with the form, a folder that is out is returned. Lists follow every change.
 */
export function PaperDeskPanel() {
  const client = useClient();
  const zone = useClinicZone();
  const desk = useDeskCall();
  const loans = useLiveQuery('custody.paperLoans', { outOnly: true }, [{ kind: 'other' }]);
  const [code, setCode] = useState('');
  const [folder, setFolder] = useState<Folder | null>(null);
  const [form, setForm] = useState({
    borrowerName: '',
    borrowerUnit: '',
    purpose: 'treatment' as LendingPurpose,
    reason: '',
    approverName: '',
    dueDate: clinicDate(new Date(), zone),
  });
  const set = (name: keyof typeof form) => (value: string) => setForm((f) => ({ ...f, [name]: value }));

  const look = useCallback(
    async (text: string) => {
      setCode(text);
      setFolder(
        await desk.run(
          () => client.call('custody.folderStatus', { code: text }),
          (value) => (value.known ? null : T.unknownCase),
        ),
      );
    },
    [client, desk],
  );
  useDeviceEvents(
    useCallback(
      (event: DeviceEvent) => {
        if (event.type === 'scan' && event.scan.kind === 'archive_case') void look(`BA-${event.scan.caseNumber}`);
      },
      [look],
    ),
  );

  const lend = async () => {
    const loan = await desk.run(
      () => client.call('custody.lendFolder', { code, ...form }),
      (value) => T.lent(value.caseNumber, value.dueDate),
    );
    if (loan) setFolder(null);
  };
  const giveBack = async () => {
    const loan = await desk.run(
      () => client.call('custody.returnFolder', { code }),
      (value) => T.returned(value.caseNumber),
    );
    if (loan) setFolder(null);
  };

  const columns: ReadonlyArray<Column<LoanView>> = [
    { key: 'case', header: '病案号', width: '14rem', cell: (l) => l.caseNumber },
    { key: 'borrower', header: T.borrowerName, width: '8rem', cell: (l) => `${l.borrowerName}${l.borrowerUnit ? `（${l.borrowerUnit}）` : ''}` },
    { key: 'purpose', header: T.purpose, width: '5rem', cell: (l) => PURPOSE_OPTIONS.find((o) => o.value === l.purpose)?.label },
    { key: 'due', header: T.dueDate, width: '7rem', cell: (l) => l.dueDate },
    {
      key: 'overdue',
      header: '',
      width: '6rem',
      cell: (l) => (l.overdueDays > 0 ? <span className="text-danger">{T.overdueDays(l.overdueDays)}</span> : null),
    },
  ];

  return (
    <>
      <Panel title={T.paperTitle} testId="paper-desk">
        <p className="text-ink-soft">{T.scanHint}</p>
        <ErrorBanner error={desk.error} />
        {desk.notice && <StatusLine>{desk.notice}</StatusLine>}
        <form
          className="flex items-end gap-field"
          onSubmit={(event) => {
            event.preventDefault();
            void look(code);
          }}
        >
          <TextField label={T.code} path="code" value={code} onChange={setCode} error={fieldError(desk.error, 'code')} />
          <Button type="submit">{T.check}</Button>
        </form>
        {folder?.known && folder.outstanding && (
          <div data-testid="folder-out" className="flex items-center gap-field">
            <span>{T.isOut(folder.outstanding.borrowerName, folder.outstanding.dueDate)}</span>
            <Button tone="primary" onClick={() => void giveBack()} disabled={desk.busy}>
              {T.returnButton}
            </Button>
          </div>
        )}
        {folder?.known && !folder.outstanding && (
          <form
            data-testid="lend-form"
            className="grid grid-cols-3 gap-field"
            onSubmit={(event) => {
              event.preventDefault();
              void lend();
            }}
          >
            <TextField
              label={T.borrowerName}
              path="borrowerName"
              value={form.borrowerName}
              onChange={set('borrowerName')}
              error={fieldError(desk.error, 'borrowerName')}
            />
            <TextField label={T.borrowerUnit} path="borrowerUnit" value={form.borrowerUnit} onChange={set('borrowerUnit')} optional />
            <SelectField label={T.purpose} path="purpose" value={form.purpose} options={PURPOSE_OPTIONS} onChange={set('purpose')} />
            <TextField label={T.reason} path="reason" value={form.reason} onChange={set('reason')} error={fieldError(desk.error, 'reason')} />
            <TextField
              label={T.approverName}
              path="approverName"
              value={form.approverName}
              onChange={set('approverName')}
              error={fieldError(desk.error, 'approverName')}
            />
            <TextField
              label={T.dueDate}
              path="dueDate"
              type="date"
              value={form.dueDate}
              onChange={set('dueDate')}
              hint={T.limitHint}
              error={fieldError(desk.error, 'dueDate')}
            />
            <div>
              <Button tone="primary" type="submit" disabled={desk.busy}>
                {T.lendButton}
              </Button>
            </div>
          </form>
        )}
      </Panel>
      <Panel title={T.overdueTitle} testId="overdue-loans">
        <DataTable
          label={T.overdueTitle}
          columns={columns}
          rows={loans.value?.overdue ?? null}
          rowKey={(l) => l.id}
          rowData={(l) => ({ 'data-case': l.caseNumber })}
          emptyText={T.noOverdue}
        />
      </Panel>
      <Panel title={T.loansTitle} testId="paper-loans">
        <DataTable
          label={T.loansTitle}
          columns={columns}
          rows={loans.value?.loans ?? null}
          rowKey={(l) => l.id}
          rowData={(l) => ({ 'data-case': l.caseNumber })}
          emptyText={T.noLoans}
        />
      </Panel>
    </>
  );
}
