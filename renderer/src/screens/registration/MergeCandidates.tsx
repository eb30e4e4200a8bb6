import { useEffect, useRef, useState } from 'react';
import type { ApiError, OutputOf, PatientDetail, PatientHit } from '../../../../shared/api';
import { useClient } from '../../app/client-context';
import { Button, ErrorBanner } from '../../ui';
import { MERGE_TEXT as T } from './merge-text';
import { REG_TEXT } from './text';
import { usePatientSearch } from './use-patient-search';

type Candidate = OutputOf<'patients.checkDuplicates'>['candidates'][number];

interface MergeCandidatesProps {
  readonly current: PatientDetail;
  readonly onCompare: (hit: PatientHit) => void;
}

function HitLine({ hit, note, onCompare }: { readonly hit: PatientHit; readonly note?: string; readonly onCompare: () => void }) {
  return (
    <li data-patient-id={hit.id} className="flex items-center gap-4 rounded-md bg-surface px-3 py-2">
      <div className="min-w-0 flex-1">
        <p className="flex flex-wrap items-baseline gap-x-4">
          <span className="font-semibold">{hit.name}</span>
          <span>
            {hit.sexLabel} {hit.birthDate}
          </span>
          {hit.idNumberMasked && <span className="font-mono text-sm">{hit.idNumberMasked}</span>}
          {hit.phoneMasked && <span className="font-mono text-sm">{hit.phoneMasked}</span>}
          <span className="text-sm text-ink-soft">
            {hit.lastVisit ? REG_TEXT.lastVisit(hit.lastVisit.date, hit.lastVisit.departmentName) : REG_TEXT.firstTime}
          </span>
        </p>
        {note && <p className="text-sm text-warning-ink">{note}</p>}
      </div>
      <Button tone="primary" onClick={onCompare}>
        {T.compare}
      </Button>
    </li>
  );
}

/** Step one: the records that look like this one (the duplicate check on its own data), or any other found by search. */
export function MergeCandidates({ current, onCompare }: MergeCandidatesProps) {
  const client = useClient();
  const [candidates, setCandidates] = useState<ReadonlyArray<Candidate> | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [query, setQuery] = useState('');
  const search = usePatientSearch(query);
  const listRef = useRef<HTMLUListElement>(null);

  useEffect(() => {
    let live = true;
    const f = current.form;
    void client.api.patients
      .checkDuplicates({ name: f.name, sex: f.sex, birthDate: f.birthDate, idNumber: f.idNumber, phone: f.phone, excludeId: current.id })
      .then((result) => {
        if (!live) return;
        if (!result.ok) return setError(result.error);
        setCandidates(result.value.candidates);
        // The first candidate's button, so Enter compares at once.
        requestAnimationFrame(() => listRef.current?.querySelector<HTMLButtonElement>('button')?.focus());
      });
    return () => {
      live = false;
    };
  }, [client, current]);

  const found = (search.output?.results ?? []).filter((hit) => hit.id !== current.id && !candidates?.some((c) => c.patient.id === hit.id));

  return (
    <div className="grid gap-3" data-testid="merge-candidates">
      <ErrorBanner error={error} onDismiss={() => setError(null)} />
      <h4 className="font-medium">{T.candidatesTitle}</h4>
      {candidates === null ? (
        <p className="text-muted">{T.checking}</p>
      ) : candidates.length === 0 ? (
        <p className="text-ink-soft">{T.noCandidates}</p>
      ) : (
        <ul ref={listRef} className="grid gap-2">
          {candidates.map((c) => (
            <HitLine key={c.patient.id} hit={c.patient} note={c.reasonText} onCompare={() => onCompare(c.patient)} />
          ))}
        </ul>
      )}
      <label className="grid gap-1">
        <span className="font-medium text-ink">{T.searchLabel}</span>
        <input
          data-testid="merge-search"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          placeholder={T.searchPlaceholder}
          autoComplete="off"
          className="w-full rounded-md border border-border bg-surface px-3 py-2 outline-none focus:border-primary-bright focus:ring-2 focus:ring-primary-tint"
        />
      </label>
      {query.trim() !== '' && search.output !== null && !search.searching && found.length === 0 && <p className="text-ink-soft">{T.searchNone}</p>}
      {found.length > 0 && (
        <ul className="grid gap-2" data-testid="merge-search-results">
          {found.map((hit) => (
            <HitLine key={hit.id} hit={hit} onCompare={() => onCompare(hit)} />
          ))}
        </ul>
      )}
    </div>
  );
}
