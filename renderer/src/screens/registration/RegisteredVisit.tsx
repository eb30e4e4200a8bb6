import { useState } from 'react';
import { createPortal } from 'react-dom';
import type { ApiError, VisitView } from '../../../../shared/api';
import { useClient } from '../../app/client-context';
import { Button, ErrorBanner } from '../../ui';
import { saveSlip } from './slip-file';
import { REG_TEXT } from './text';

const T = REG_TEXT.result;

/** After 挂号: the numbers the patient needs, and the slip (PDF to open, or printed from here). */
export function RegisteredVisit({ visit, clinicName }: { readonly visit: VisitView; readonly clinicName: string }) {
  const client = useClient();
  const [error, setError] = useState<ApiError | null>(null);
  const [loading, setLoading] = useState(false);

  const openPdf = async () => {
    setLoading(true);
    const slip = await client.api.visits.slip({ id: visit.id });
    setLoading(false);
    if (!slip.ok) return setError(slip.error);
    setError(null);
    saveSlip(document, slip.value);
  };

  return (
    <section data-testid="registered-visit" data-visit-id={visit.id} className="grid gap-2 rounded-lg border-2 border-primary-bright bg-surface p-4">
      <h3 className="text-lg font-semibold text-primary-strong">{T.title}</h3>
      <p className="text-lg">
        {visit.patient.name} · {visit.department.name}
        {visit.doctor ? ` · ${visit.doctor.displayName}` : ''} · {visit.visitTypeLabel} · {visit.feeCategory.name}
      </p>
      <dl className="grid grid-cols-[auto_auto_1fr] gap-x-8 gap-y-2">
        <div>
          <dt className="text-sm text-muted">{T.visitNumber}</dt>
          <dd className="font-mono text-2xl font-semibold whitespace-nowrap" data-testid="visit-number">
            {visit.visitNumber}
          </dd>
        </div>
        <div>
          <dt className="text-sm text-muted">{T.queueNumber}</dt>
          <dd className="text-3xl font-bold text-primary-strong" data-testid="queue-number">
            {visit.queueLabel}
          </dd>
        </div>
        <div>
          <dt className="text-sm text-muted">{T.queue}</dt>
          <dd className="text-xl" data-testid="queue-position">
            {visit.queuePosition === null ? T.notWaiting : T.queuePosition(visit.queuePosition)}
          </dd>
        </div>
      </dl>
      <ErrorBanner error={error} />
      <div className="flex gap-3">
        <Button tone="primary" onClick={() => window.print()}>
          {T.print}
        </Button>
        <Button onClick={() => void openPdf()} disabled={loading}>
          {loading ? T.loadingSlip : T.openPdf}
        </Button>
      </div>
      <p className="text-sm text-muted">{T.next}</p>
      {createPortal(<PrintedSlip visit={visit} clinicName={clinicName} />, document.body)}
    </section>
  );
}

/** What `window.print()` puts on paper: only this, the rest of the page is hidden for print. */
function PrintedSlip({ visit, clinicName }: { readonly visit: VisitView; readonly clinicName: string }) {
  return (
    <div data-print-slip className="hidden p-4 text-black print:block">
      <p className="text-center text-lg font-semibold">{clinicName}</p>
      <p className="text-center">门诊挂号单</p>
      <p className="mt-2 text-center text-4xl font-bold">{visit.queueLabel} 号</p>
      <table className="mt-2 w-full text-sm">
        <tbody>
          <tr>
            <td>门诊号</td>
            <td className="font-mono">{visit.visitNumber}</td>
          </tr>
          <tr>
            <td>患者</td>
            <td>
              {visit.patient.name} {visit.patient.sexLabel} {visit.patient.ageText}
            </td>
          </tr>
          <tr>
            <td>科室</td>
            <td>
              {visit.department.name}
              {visit.doctor ? ` · ${visit.doctor.displayName}` : ''}
            </td>
          </tr>
          <tr>
            <td>类型 / 费别</td>
            <td>
              {visit.visitTypeLabel} / {visit.feeCategory.name}
            </td>
          </tr>
          <tr>
            <td>挂号时间</td>
            <td>{new Date(visit.registeredAt).toLocaleString('zh-CN', { hour12: false })}</td>
          </tr>
        </tbody>
      </table>
    </div>
  );
}
