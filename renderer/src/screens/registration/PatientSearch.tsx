import { useEffect, useState, type KeyboardEvent, type Ref } from 'react';
import type { PatientHit } from '../../../../shared/api';
import { ErrorBanner } from '../../ui';
import { REG_TEXT } from './text';
import type { PatientSearchState } from './use-patient-search';

const T = REG_TEXT.search;

export interface HitList {
  readonly title: string;
  readonly hits: ReadonlyArray<PatientHit>;
}

interface PatientSearchProps {
  readonly query: string;
  readonly onQueryChange: (query: string) => void;
  readonly search: PatientSearchState;
  /** Matches from a card or voucher that found several records: shown instead of the search results. */
  readonly override: HitList | null;
  readonly onPick: (hit: PatientHit) => void;
  readonly inputRef: Ref<HTMLInputElement>;
}

/** The one search box, with ranked results that ↑ ↓ and Enter choose from without leaving the box. */
export function PatientSearch({ query, onQueryChange, search, override, onPick, inputRef }: PatientSearchProps) {
  const hits = override?.hits ?? (search.query !== '' && search.query === query.trim() ? (search.output?.results ?? []) : []);
  const [active, setActive] = useState(0);
  // A new answer (or a new card's matches) starts again at the top.
  useEffect(() => setActive(0), [override, search.output]);

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.nativeEvent.isComposing) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (hits.length === 0) return;
      setActive((i) => (event.key === 'ArrowDown' ? (i + 1) % hits.length : (i - 1 + hits.length) % hits.length));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const hit = hits[active];
      if (hit) onPick(hit);
    }
  };

  const kindText = search.output ? T.kinds[search.output.kind] : '';
  const showNone =
    override === null && query.trim() !== '' && !search.searching && search.output !== null && search.query === query.trim() && hits.length === 0;

  return (
    <section data-testid="patient-search" className="grid gap-2">
      <label className="grid gap-1">
        <span className="flex items-baseline gap-3 font-medium text-ink">
          {T.label}
          {kindText && (
            <span className="text-sm font-normal text-primary" data-testid="search-kind">
              {kindText}
            </span>
          )}
          {search.searching && <span className="text-sm font-normal text-muted">{T.searching}</span>}
        </span>
        <input
          ref={inputRef}
          value={query}
          onChange={(event) => onQueryChange(event.target.value)}
          onKeyDown={onKeyDown}
          placeholder={T.placeholder}
          autoComplete="off"
          spellCheck={false}
          role="combobox"
          aria-expanded={hits.length > 0}
          aria-controls="patient-hits"
          aria-activedescendant={hits[active] ? `hit-${hits[active].id}` : undefined}
          data-testid="search-input"
          className="w-full rounded-md border border-border bg-surface px-3 py-2.5 text-lg outline-none focus:border-primary-bright focus:ring-2 focus:ring-primary-tint"
        />
      </label>
      <ErrorBanner error={search.error} />
      {override && <p className="text-sm font-medium text-warning-strong">{override.title}</p>}
      {hits.length > 0 && (
        <ul id="patient-hits" role="listbox" data-testid="search-results" className="max-h-80 overflow-auto rounded-md border border-border-soft bg-surface">
          {hits.map((hit, index) => (
            <li
              key={hit.id}
              id={`hit-${hit.id}`}
              role="option"
              aria-selected={index === active}
              data-patient-id={hit.id}
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => onPick(hit)}
              className={`grid cursor-pointer gap-0.5 border-b border-divider px-3 py-2 ${index === active ? 'bg-primary-soft' : 'hover:bg-surface-muted'}`}
            >
              <div className="grid grid-cols-[6.5rem_6.5rem_11.5rem_7.5rem_minmax(0,1fr)] items-baseline gap-3 whitespace-nowrap">
                <span className="truncate font-semibold" title={hit.name}>
                  {hit.name}
                </span>
                <span className="text-ink-soft">
                  {hit.sexLabel} {hit.ageText}
                </span>
                <span className="font-mono text-sm text-ink-soft">{hit.idNumberMasked ?? ''}</span>
                <span className="font-mono text-sm text-ink-soft">{hit.phoneMasked ?? ''}</span>
                <span className="justify-self-end rounded bg-canvas px-1.5 text-xs text-ink-soft">{REG_TEXT.matched[hit.matched.key]}</span>
              </div>
              {/* The second line tells two people of one name apart: where they live, when and where they were last seen. */}
              <div className="flex flex-wrap items-baseline gap-x-4 text-sm">
                <span data-hit-place className="text-ink-soft">
                  {hit.place ?? T.noPlace}
                </span>
                <span data-hit-last-visit className="whitespace-nowrap text-muted">
                  {hit.lastVisit ? REG_TEXT.lastVisit(hit.lastVisit.date, hit.lastVisit.departmentName) : REG_TEXT.firstTime}
                </span>
              </div>
            </li>
          ))}
        </ul>
      )}
      {override === null && search.output?.more && search.query === query.trim() && <p className="text-sm text-muted">{T.more}</p>}
      {showNone && (
        <p data-testid="search-none" className="text-ink-soft">
          {T.none(query.trim())}
        </p>
      )}
    </section>
  );
}
