import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiError, OutputOf, VisitView } from '../../../../shared/api';
import { useClient } from '../../app/client-context';
import { Button } from '../../components/Button';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Notice } from '../../components/Notice';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import { fieldErrorsOf } from '../../forms/field-errors';
import { useShortcuts } from '../../keyboard/use-shortcuts';
import { REG_TEXT } from './text';

const T = REG_TEXT.today;
type Status = VisitView['status'];
type Today = OutputOf<'visits.listToday'>;

interface TodayListProps {
  readonly departments: OutputOf<'admin.listDepartments'>;
  readonly doctors: OutputOf<'clinic.doctors'>;
  /** Changes whenever a visit was registered elsewhere on the screen: read the list again. */
  readonly reloadKey: number;
}

const STATUSES: ReadonlyArray<Status> = ['waiting', 'in_progress', 'completed', 'cancelled'];

/** 今日挂号: today's visits, filtered by department, doctor and status; 退号 with a reason. */
export function TodayList({ departments, doctors, reloadKey }: TodayListProps) {
  const client = useClient();
  const [filters, setFilters] = useState<{ departmentCode: string; doctorUsername: string; status: string }>({ departmentCode: '', doctorUsername: '', status: '' });
  const [today, setToday] = useState<Today | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [cancelling, setCancelling] = useState<VisitView | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const load = useCallback(async () => {
    const result = await client.api.visits.listToday({
      departmentCode: filters.departmentCode || undefined,
      doctorUsername: filters.doctorUsername || undefined,
      status: (filters.status || undefined) as Status | undefined,
    });
    if (result.ok) {
      setToday(result.value);
      setError(null);
    } else setError(result.error);
  }, [client, filters]);

  useEffect(() => {
    void load();
  }, [load, reloadKey]);

  return (
    <section data-testid="today-list" className="grid gap-3 rounded-lg bg-white p-4 shadow-sm">
      <div className="flex items-baseline gap-4">
        <h2 className="text-lg font-semibold">{T.title}</h2>
        {today && (
          <p className="text-slate-600" data-testid="today-counts">
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
      <table className="w-full text-left">
        <thead className="border-b border-slate-200 text-sm text-slate-500">
          <tr>
            {T.columns.map((column, index) => (
              <th key={index} className="py-1.5 font-normal">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {today === null ? (
            <tr>
              <td colSpan={T.columns.length} className="py-2 text-slate-500">
                {error ? '' : T.loading}
              </td>
            </tr>
          ) : today.visits.length === 0 ? (
            <tr>
              <td colSpan={T.columns.length} className="py-2 text-slate-500">
                {T.empty}
              </td>
            </tr>
          ) : (
            today.visits.map((visit) => (
              <VisitRow
                key={visit.id}
                visit={visit}
                cancelling={cancelling?.id === visit.id}
                onCancel={() => {
                  setDone(null);
                  setCancelling(visit);
                }}
                onClose={() => setCancelling(null)}
                onCancelled={(cancelled) => {
                  setCancelling(null);
                  setDone(T.cancelled(cancelled.visitNumber));
                  void load();
                }}
              />
            ))
          )}
        </tbody>
      </table>
    </section>
  );
}

interface VisitRowProps {
  readonly visit: VisitView;
  readonly cancelling: boolean;
  readonly onCancel: () => void;
  readonly onClose: () => void;
  readonly onCancelled: (visit: VisitView) => void;
}

function VisitRow({ visit, cancelling, onCancel, onClose, onCancelled }: VisitRowProps) {
  const time = new Date(visit.registeredAt).toLocaleTimeString('zh-CN', { hour: '2-digit', minute: '2-digit', hour12: false });
  return (
    <>
      <tr data-visit-number={visit.visitNumber} data-visit-status={visit.status} className={`border-b border-slate-100 ${visit.status === 'cancelled' ? 'text-slate-400' : ''}`}>
        <td className="py-1.5 font-mono text-sm">{visit.visitNumber}</td>
        <td className="py-1.5">{visit.queueNumber}</td>
        <td className="py-1.5">{time}</td>
        <td className="py-1.5">
          {visit.patient.name}
          <span className="ml-1 text-sm text-slate-500">
            {visit.patient.sexLabel} {visit.patient.ageText}
          </span>
        </td>
        <td className="py-1.5">{visit.department.name}</td>
        <td className="py-1.5">{visit.doctor?.displayName ?? T.noDoctor}</td>
        <td className="py-1.5">{visit.visitTypeLabel}</td>
        <td className="py-1.5">{visit.feeCategory.name}</td>
        <td className="py-1.5" title={visit.cancelReason ?? undefined}>
          {visit.statusLabel}
          {visit.cancelReason && <span className="ml-1 text-sm">（{visit.cancelReason}）</span>}
        </td>
        <td className="py-1.5 text-right">
          {visit.status === 'waiting' && !cancelling && (
            <Button tone="danger" className="px-2 py-1 text-sm" onClick={onCancel}>
              {T.cancel}
            </Button>
          )}
        </td>
      </tr>
      {cancelling && (
        <tr>
          <td colSpan={T.columns.length} className="bg-red-50 px-3 py-3">
            <CancelForm visit={visit} onClose={onClose} onCancelled={onCancelled} />
          </td>
        </tr>
      )}
    </>
  );
}

function CancelForm({ visit, onClose, onCancelled }: { readonly visit: VisitView; readonly onClose: () => void; readonly onCancelled: (visit: VisitView) => void }) {
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
