import { useState } from 'react';
import type { GrantedDocumentView, GrantView } from '../../../../../shared/api/custody';
import { clinicDateTime } from '../../../../../shared/time/clinic-time';
import { useLiveQuery } from '../../../api/use-live-query';
import { useClient } from '../../../app/client-context';
import { useClinicZone } from '../../../app/clinic-clock';
import { DataTable, ErrorBanner, Panel, RowButton, StatusLine, type Column } from '../../../ui';
import { LENDING_TEXT as T } from './text';
import { useDeskCall } from './use-call';

/** 我的借阅: the cases a staff member was granted, opened read-only; every opening is audited by the grant. */
export function MyGrantsTab() {
  const client = useClient();
  const zone = useClinicZone();
  const desk = useDeskCall();
  const list = useLiveQuery('custody.myGrants', {}, [{ kind: 'other' }]);
  const [opened, setOpened] = useState<{ caseNumber: string; documents: GrantedDocumentView[] } | null>(null);
  const open = async (caseNumber: string) =>
    setOpened(
      await desk.run(
        () => client.call('custody.openCase', { caseNumber }),
        (value) => T.readOnly(clinicDateTime(new Date(Date.parse(value.validUntil) - 1), zone)),
      ),
    );
  const columns: ReadonlyArray<Column<GrantView>> = [
    { key: 'cases', header: '病案号', width: '16rem', cell: (g) => g.caseNumbers.join('、') },
    { key: 'state', header: '状态', width: '5rem', cell: (g) => <span data-state={g.state}>{T.states[g.state]}</span> },
    { key: 'until', header: '截止', width: '10rem', cell: (g) => clinicDateTime(new Date(Date.parse(g.validUntil) - 1), zone) },
    {
      key: 'open',
      header: '',
      width: '10rem',
      cell: (g) =>
        g.state === 'active'
          ? g.caseNumbers.map((c) => (
              <RowButton key={c} action={`open-${c}`} onClick={() => void open(c)}>
                {T.open} {c.slice(-5)}
              </RowButton>
            ))
          : null,
    },
  ];
  return (
    <Panel title={T.myTitle} testId="my-grants">
      <ErrorBanner error={desk.error ?? list.error} />
      {desk.notice && <StatusLine>{desk.notice}</StatusLine>}
      <DataTable label={T.myTitle} columns={columns} rows={list.value?.grants ?? null} rowKey={(g) => g.id} emptyText={T.noGrants} />
      {opened && (
        <section data-testid="granted-case" className="grid gap-2">
          <h3 className="font-semibold">{opened.caseNumber}</h3>
          {opened.documents.map((doc) => (
            <article key={doc.id} className="rounded-md border border-border p-card">
              <h4 className="font-semibold">
                {doc.label} {doc.caption}
              </h4>
              <dl className="grid grid-cols-[8rem_1fr] gap-1">
                {doc.fields.map((f) => (
                  <div key={f.label} className="contents">
                    <dt className="text-ink-soft">{f.label}</dt>
                    <dd>{f.value}</dd>
                  </div>
                ))}
              </dl>
            </article>
          ))}
        </section>
      )}
    </Panel>
  );
}
