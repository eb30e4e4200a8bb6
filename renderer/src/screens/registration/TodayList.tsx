import { useEffect, useRef, useState } from 'react';
import type { ApiError, OutputOf, VisitView } from '../../../../shared/api';
import { useLiveQuery } from '../../api/use-live-query';
import { clinicTime } from '../../../../shared/time/clinic-time';
import { useClinicZone } from '../../app/clinic-clock';
import { useClient } from '../../app/client-context';
import { fieldErrorsOf } from '../../forms/field-errors';
import { useShortcuts } from '../../keyboard/use-shortcuts';
import { Button, Card, DataTable, ErrorBanner, Notice, SelectField, TextField, type Column } from '../../ui';
import { REG_TEXT } from './text';

const T = REG_TEXT.today;
type Status = VisitView['status'];

interface TodayListProps {
  readonly departments: OutputOf<'admin.listDepartments'>;
  readonly doctors: OutputOf<'clinic.doctors'>;
  /** Changes whenever a visit was registered elsewhere on the screen: read the list again. */
  readonly reloadKey: number;
}

const STATUSES: ReadonlyArray<Status> = ['waiting', 'in_progress', 'completed', 'cancelled'];

/**
 * 今日挂号: today's visits, filtered by department, doctor and status; 退号 with a reason. The list
 * follows the centre: a visit registered or changed at any front desk or doctor's PC shows here as
 * it arrives (useLiveQuery), without reloading the whole screen on a timer.
 */
export function TodayList({ departments, doctors, reloadKey }: TodayListProps) {
  const client = useClient();
  const zone = useClinicZone();
  const [filters, setFilters] = useState<{ departmentCode: string; doctorUsername: string; status: string }>({
    departmentCode: '',
    doctorUsername: '',
    status: '',
  });
  const [cancelling, setCancelling] = useState<VisitView | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const {
    value: today,
    error,
    reload: load,
  } = useLiveQuery(
    'visits.listToday',
    {
      departmentCode: filters.departmentCode || undefined,
      doctorUsername: filters.doctorUsername || undefined,
      status: (filters.status || undefined) as Status | undefined,
    },
    [filters.departmentCode ? { kind: 'visits', department: filters.departmentCode } : { kind: 'visits' }, { kind: 'patients' }],
  );

  // A visit registered elsewhere on this screen: read at once rather than wait for the event.
  useEffect(() => {
    if (reloadKey > 0) void load();
  }, [load, reloadKey]);

  const columns = visitColumns(zone, cancelling?.id ?? null, (visit) => {
    setDone(null);
    setCancelling(visit);
  });

  return (
    <Card data-testid="today-list" compact>
      <div className="flex items-baseline gap-4">
        <h2 className="text-lg font-semibold">{T.title}</h2>
        {today && (
          <p className="text-ink-soft" data-testid="today-counts">
            {STATUSES.map((s) => `${T.counts[s]} ${today.counts[s] ?? 0}`).join(' · ')}
          </p>
        )}
      </div>
      <div className="flex flex-wrap items-end gap-3">
        <SelectField
          label="科室"
          path="filter.departmentCode"
          value={filters.departmentCode}
          options={departments.map((d) => ({ value: d.code, label: d.name }))}
          placeholder={T.allDepartments}
          onChange={(departmentCode) => setFilters((f) => ({ ...f, departmentCode }))}
          className="w-40"
        />
        <SelectField
          label="医生"
          path="filter.doctorUsername"
          value={filters.doctorUsername}
          options={doctors.map((d) => ({ value: d.username, label: d.displayName }))}
          placeholder={T.allDoctors}
          onChange={(doctorUsername) => setFilters((f) => ({ ...f, doctorUsername }))}
          className="w-40"
        />
        <SelectField
          label="状态"
          path="filter.status"
          value={filters.status}
          options={STATUSES.map((s) => ({ value: s, label: T.counts[s] }))}
          placeholder={T.allStatuses}
          onChange={(status) => setFilters((f) => ({ ...f, status }))}
          className="w-36"
        />
        <Button onClick={() => void load()}>{T.refresh}</Button>
      </div>
      <ErrorBanner error={error} />
      {done && <Notice>{done}</Notice>}
      <DataTable
        label={T.title}
        columns={columns}
        rows={today?.visits ?? null}
        rowKey={(visit) => visit.id}
        rowData={(visit) => ({ 'data-visit-number': visit.visitNumber, 'data-visit-status': visit.status })}
        rowClassName={(visit) => (visit.status === 'cancelled' ? 'text-faint' : '')}
        detail={(visit) =>
          cancelling?.id === visit.id && (
            <div className="bg-danger-soft px-3 py-3">
              <CancelForm
                visit={visit}
                onClose={() => setCancelling(null)}
                onCancelled={(cancelled) => {
                  setCancelling(null);
                  setDone(T.cancelled(cancelled.visitNumber));
                  void load();
                }}
              />
            </div>
          )
        }
        loadingText={error ? '' : T.loading}
        emptyText={T.empty}
      />
    </Card>
  );
}

const [NUMBER, QUEUE, TIME, PATIENT, DEPARTMENT, DOCTOR, TYPE, FEE, STATUS, ACTIONS] = T.columns;
const statusText = (visit: VisitView) => (visit.cancelReason ? `${visit.statusLabel}（${visit.cancelReason}）` : visit.statusLabel);

function visitColumns(zone: string, cancellingId: string | null, onCancel: (visit: VisitView) => void): ReadonlyArray<Column<VisitView>> {
  return [
    { key: 'visitNumber', header: NUMBER, width: '9.5rem', cell: (v) => v.visitNumber, sortValue: (v) => v.visitNumber, className: 'font-mono text-sm' },
    { key: 'queue', header: QUEUE, width: '3.5rem', cell: (v) => v.queueNumber, sortValue: (v) => v.queueNumber },
    { key: 'time', header: TIME, width: '4rem', cell: (v) => clinicTime(v.registeredAt, zone), sortValue: (v) => v.registeredAt },
    {
      key: 'patient',
      header: PATIENT,
      cell: (v) => (
        <>
          {v.patient.name}
          <span className="ml-1 text-sm text-muted">
            {v.patient.sexLabel} {v.patient.ageText}
          </span>
        </>
      ),
      sortValue: (v) => v.patient.name,
      fullText: (v) => `${v.patient.name} ${v.patient.sexLabel} ${v.patient.ageText}`,
    },
    {
      key: 'department',
      header: DEPARTMENT,
      width: '6rem',
      cell: (v) => v.department.name,
      sortValue: (v) => v.department.name,
      fullText: (v) => v.department.name,
    },
    {
      key: 'doctor',
      header: DOCTOR,
      width: '5.5rem',
      cell: (v) => v.doctor?.displayName ?? T.noDoctor,
      sortValue: (v) => v.doctor?.displayName,
      fullText: (v) => v.doctor?.displayName ?? T.noDoctor,
    },
    { key: 'type', header: TYPE, width: '4rem', cell: (v) => v.visitTypeLabel },
    { key: 'fee', header: FEE, width: '6rem', cell: (v) => v.feeCategory.name, fullText: (v) => v.feeCategory.name },
    { key: 'status', header: STATUS, width: '7rem', cell: statusText, sortValue: (v) => v.statusLabel, fullText: statusText },
    {
      key: 'actions',
      header: ACTIONS,
      width: '4.5rem',
      align: 'end',
      cell: (v) =>
        v.status === 'waiting' &&
        cancellingId !== v.id && (
          <Button tone="danger" size="small" className="py-1" onClick={() => onCancel(v)}>
            {T.cancel}
          </Button>
        ),
    },
  ];
}

function CancelForm({
  visit,
  onClose,
  onCancelled,
}: {
  readonly visit: VisitView;
  readonly onClose: () => void;
  readonly onCancelled: (visit: VisitView) => void;
}) {
  const client = useClient();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [saving, setSaving] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => input.current?.focus(), []);
  useShortcuts({ 'cancelVisit.close': onClose }, { within: formRef });

  const submit = async () => {
    if (saving) return;
    setSaving(true);
    const result = await client.api.visits.cancel({ id: visit.id, rev: visit.rev, reason: reason.trim() });
    setSaving(false);
    if (!result.ok) return setError(result.error);
    onCancelled(result.value);
  };
  const reasonError = fieldErrorsOf(error).reason ?? (error?.code === 'VALIDATION_FAILED' ? error.message : undefined);

  return (
    <form
      ref={formRef}
      noValidate
      data-testid="cancel-form"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
      className="flex items-start gap-3"
    >
      <TextField
        label={`${T.cancelReason}（${visit.visitNumber} ${visit.patient.name}）`}
        path="reason"
        value={reason}
        onChange={(value) => {
          setReason(value);
          setError(null);
        }}
        error={reasonError}
        placeholder={T.cancelReasonPlaceholder}
        inputRef={input}
        maxLength={200}
        autoComplete="off"
        className="flex-1"
      />
      <div className="mt-7 flex gap-2">
        <Button tone="danger" type="submit" disabled={saving}>
          {T.confirmCancel}
        </Button>
        <Button onClick={onClose}>{T.keepVisit}</Button>
      </div>
      {error && !reasonError && <ErrorBanner error={error} />}
    </form>
  );
}
