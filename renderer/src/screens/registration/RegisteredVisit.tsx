import { useState } from 'react';
import type { ApiError, VisitView } from '../../../../shared/api';
import { useClient } from '../../app/client-context';
import { useShortcuts } from '../../keyboard/use-shortcuts';
import { Button, ErrorBanner, Notice } from '../../ui';
import { saveSlip } from './slip-file';
import { REG_TEXT } from './text';

const T = REG_TEXT.result;

/**
 * After 挂号: the numbers the patient needs, and the slip. The slip is printed from one place, the
 * PDF the main process makes (the same in Electron and browser mode, with the clinic's clock and
 * fonts): the button and F9 both open it.
 */
export function RegisteredVisit({ visit }: { readonly visit: VisitView }) {
  const client = useClient();
  const [error, setError] = useState<ApiError | null>(null);
  const [loading, setLoading] = useState(false);
  const [opened, setOpened] = useState<string | null>(null);

  const openPdf = async () => {
    if (loading) return;
    setLoading(true);
    const slip = await client.api.visits.slip({ id: visit.id });
    setLoading(false);
    if (!slip.ok) return setError(slip.error);
    setError(null);
    saveSlip(document, slip.value);
    setOpened(slip.value.fileName);
  };
  useShortcuts({ 'registration.printSlip': () => void openPdf() });

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
            {visit.queueNumber}
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
        <Button tone="primary" onClick={() => void openPdf()} disabled={loading}>
          {loading ? T.loadingSlip : T.openPdf}
        </Button>
      </div>
      {opened && <Notice>{T.slipOpened(opened)}</Notice>}
      <p className="text-sm text-muted">{T.next}</p>
    </section>
  );
}
