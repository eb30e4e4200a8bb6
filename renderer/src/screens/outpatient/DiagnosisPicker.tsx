import type { Ref } from 'react';
import { CERTAINTY_LABELS, POSITION_LABELS, type NoteDiagnosis } from '../../../../shared/docs/outpatient-note';
import { Panel, RowButton } from '../../ui';
import { ICD_SEARCH } from './dictionary-searches';
import { SearchPicker } from './SearchPicker';
import { OUTPATIENT_TEXT } from './text';

const T = OUTPATIENT_TEXT.diagnosis;

/** 诊断: found by code, name or pinyin initials (CD-01); each kept with its code system and version. */
export function DiagnosisPicker(props: {
  readonly diagnoses: ReadonlyArray<NoteDiagnosis>;
  readonly readOnly: boolean;
  readonly inputRef: Ref<HTMLInputElement>;
  readonly onAdd: (diagnosis: Omit<NoteDiagnosis, 'position'>) => void;
  readonly onRemove: (code: string) => void;
  readonly onToggleCertainty: (code: string) => void;
}) {
  return (
    <Panel title={T.title} testId="diagnoses">
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
          kind={ICD_SEARCH}
          inputRef={props.inputRef}
          onPick={(hit) => props.onAdd({ code: hit.code, code_system: hit.codeSystem, version: hit.version, name: hit.name, certainty: 'confirmed' })}
        />
      )}
    </Panel>
  );
}
