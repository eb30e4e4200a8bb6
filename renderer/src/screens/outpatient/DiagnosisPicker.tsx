import { useCallback, type Ref } from 'react';
import type { OutputOf } from '../../../../shared/api';
import { CERTAINTY_LABELS, POSITION_LABELS, type NoteDiagnosis } from '../../../../shared/docs/outpatient-note';
import { useClient } from '../../app/client-context';
import { RowButton } from '../../ui';
import { SearchPicker } from './SearchPicker';
import { OUTPATIENT_TEXT } from './text';
import { useSearchList } from './use-search-list';

const T = OUTPATIENT_TEXT.diagnosis;
type IcdHit = OutputOf<'dictionary.searchIcd'>[number];

/** 诊断: found by code, name or pinyin initials (CD-01); each kept with its code system and version. */
export function DiagnosisPicker(props: {
  readonly diagnoses: ReadonlyArray<NoteDiagnosis>;
  readonly readOnly: boolean;
  readonly inputRef: Ref<HTMLInputElement>;
  readonly onAdd: (diagnosis: Omit<NoteDiagnosis, 'position'>) => void;
  readonly onRemove: (code: string) => void;
  readonly onToggleCertainty: (code: string) => void;
}) {
  const client = useClient();
  const search = useCallback(
    async (query: string) => {
      const result = await client.api.dictionary.searchIcd({ query, limit: 12 });
      return result.ok ? result.value : [];
    },
    [client],
  );
  const list = useSearchList<IcdHit>(search, (hit) =>
    props.onAdd({ code: hit.code, code_system: hit.codeSystem, version: hit.version, name: hit.name, certainty: 'confirmed' }),
  );
  return (
    <section className="grid gap-2" data-testid="diagnoses">
      <h3 className="font-medium">{T.title}</h3>
      {props.diagnoses.length === 0 && <p className="text-muted">{T.none}</p>}
      <ol className="grid gap-1">
        {props.diagnoses.map((d) => (
          <li key={d.code} data-diagnosis={d.code} className="flex items-baseline gap-3">
            <span className="w-16 text-sm text-ink-soft">{d.position === 'primary' ? T.primary : T.secondary}</span>
            <span className="font-medium">{d.name}</span>
            <span className="text-sm text-muted">{d.code}</span>
            <span className="text-sm">{CERTAINTY_LABELS[d.certainty]}</span>
            {!props.readOnly && (
              <>
                <RowButton action="certainty" onClick={() => props.onToggleCertainty(d.code)}>
                  {d.certainty === 'confirmed' ? T.suspected : T.confirmed}
                </RowButton>
                <RowButton action="remove" onClick={() => props.onRemove(d.code)}>
                  {T.remove}
                </RowButton>
              </>
            )}
            <span className="sr-only">{POSITION_LABELS[d.position]}</span>
          </li>
        ))}
      </ol>
      {!props.readOnly && (
        <SearchPicker
          label={T.search}
          path="diagnosisSearch"
          testId="icd-hits"
          list={list}
          inputRef={props.inputRef}
          codeOf={(hit) => `${hit.codeSystem}:${hit.code}`}
          render={(hit) => (
            <>
              {hit.name}　<span className="text-sm text-muted">{hit.code}</span>
            </>
          )}
          noHits={T.noHits}
        />
      )}
    </section>
  );
}
