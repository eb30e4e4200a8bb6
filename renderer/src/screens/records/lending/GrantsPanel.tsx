import { useState } from 'react';
import type { GrantView } from '../../../../../shared/api/custody';
import type { LendingPurpose } from '../../../../../shared/docs/access-grant';
import { rolesGrant } from '../../../../../shared/permissions';
import { useLiveQuery } from '../../../api/use-live-query';
import { useClient } from '../../../app/client-context';
import { useClinicZone } from '../../../app/clinic-clock';
import { clinicDate, clinicDateTime } from '../../../../../shared/time/clinic-time';
import { Button, DataTable, ErrorBanner, Panel, RowButton, SelectField, StatusLine, TextField, type Column } from '../../../ui';
import type { RecordRoomTabProps } from '../tab-types';
import { LENDING_TEXT as T, PURPOSE_OPTIONS } from './text';
import { fieldError, useDeskCall } from './use-call';

/** 电子借阅: the grants (in force, not yet begun, expired, revoked) and, for 医务科, the form that makes one. */
export function GrantsPanel({ user }: RecordRoomTabProps) {
  const client = useClient();
  const zone = useClinicZone();
  const today = () => clinicDate(new Date(), zone);
  const list = useLiveQuery('custody.grants', {}, [{ kind: 'other' }]);
  const desk = useDeskCall();
  const canApprove = rolesGrant(user.roles, 'archive.approve');
  const [form, setForm] = useState({ grantee: '', caseNumbers: '', purpose: 'treatment' as LendingPurpose, reason: '', from: today(), until: today() });
  const set = (name: keyof typeof form) => (value: string) => setForm((f) => ({ ...f, [name]: value }));

  const grant = async () => {
    const made = await desk.run(
      () => client.call('custody.grantAccess', { ...form, caseNumbers: form.caseNumbers.split(/\s+/).filter(Boolean) }),
      (value) => T.granted(value.grantee.displayName, form.until),
    );
    if (made) void list.reload();
  };
  const revoke = async (row: GrantView) => {
    if (
      await desk.run(
        () => client.call('custody.revokeGrant', { id: row.id, reason: T.revokeReason }),
        () => T.revoked,
      )
    )
      void list.reload();
  };

  const columns: ReadonlyArray<Column<GrantView>> = [
    { key: 'grantee', header: T.borrowerName, width: '8rem', cell: (g) => g.grantee.displayName },
    { key: 'cases', header: '病案号', width: '14rem', cell: (g) => g.caseNumbers.join('、') },
    { key: 'purpose', header: T.purpose, width: '5rem', cell: (g) => PURPOSE_OPTIONS.find((o) => o.value === g.purpose)?.label },
    { key: 'until', header: '截止', width: '10rem', cell: (g) => clinicDateTime(new Date(Date.parse(g.validUntil) - 1), zone) },
    { key: 'approvedBy', header: T.approverName, width: '6rem', cell: (g) => g.approvedBy },
    { key: 'state', header: '状态', width: '5rem', cell: (g) => <span data-state={g.state}>{T.states[g.state]}</span> },
    {
      key: 'actions',
      header: '',
      width: '5rem',
      cell: (g) =>
        canApprove && (g.state === 'active' || g.state === 'pending') ? (
          <RowButton action="revoke" onClick={() => void revoke(g)}>
            {T.revoke}
          </RowButton>
        ) : null,
    },
  ];

  return (
    <Panel title={T.grantsTitle} testId="custody-grants">
      <ErrorBanner error={desk.error ?? list.error} />
      {desk.notice && <StatusLine>{desk.notice}</StatusLine>}
      {canApprove && (
        <form
          data-testid="grant-form"
          className="grid grid-cols-3 gap-field"
          onSubmit={(event) => {
            event.preventDefault();
            void grant();
          }}
        >
          <TextField label={T.grantee} path="grantee" value={form.grantee} onChange={set('grantee')} error={fieldError(desk.error, 'grantee')} />
          <TextField label={T.caseNumbers} path="caseNumbers" value={form.caseNumbers} onChange={set('caseNumbers')} />
          <SelectField label={T.purpose} path="purpose" value={form.purpose} options={PURPOSE_OPTIONS} onChange={set('purpose')} />
          <TextField label={T.reason} path="reason" value={form.reason} onChange={set('reason')} />
          <TextField label={T.from} path="from" type="date" value={form.from} onChange={set('from')} error={fieldError(desk.error, 'from')} />
          <TextField
            label={T.until}
            path="until"
            type="date"
            value={form.until}
            onChange={set('until')}
            hint={T.limitHint}
            error={fieldError(desk.error, 'until')}
          />
          <div>
            <Button tone="primary" type="submit" disabled={desk.busy}>
              {T.grantButton}
            </Button>
          </div>
        </form>
      )}
      <DataTable
        label={T.grantsTitle}
        testId="grants-table"
        columns={columns}
        rows={list.value?.grants ?? null}
        rowKey={(g) => g.id}
        rowData={(g) => ({ 'data-grant': g.id })}
        emptyText={T.noGrants}
      />
    </Panel>
  );
}
