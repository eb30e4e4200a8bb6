import { useEffect, useRef } from 'react';
import type { OutputOf } from '../../../../shared/api';
import { useShortcuts } from '../../keyboard/use-shortcuts';
import { Button } from '../../ui';
import { REG_TEXT } from './text';

type Candidate = OutputOf<'patients.checkDuplicates'>['candidates'][number];
const T = REG_TEXT.duplicates;

interface DuplicateWarningProps {
  readonly candidates: ReadonlyArray<Candidate>;
  readonly onUseExisting: (candidate: Candidate) => void;
  readonly onSaveAnyway: () => void;
  readonly onBack: () => void;
}

/** Shown before a new record is saved when it looks like one already on file. */
export function DuplicateWarning({ candidates, onUseExisting, onSaveAnyway, onBack }: DuplicateWarningProps) {
  const first = useRef<HTMLButtonElement>(null);
  const rootRef = useRef<HTMLElement>(null);
  useShortcuts({ 'duplicates.back': onBack }, { within: rootRef });
  useEffect(() => first.current?.focus(), []);
  const sameId = candidates.some((c) => c.reasons.includes('same_id_number'));

  return (
    <section
      ref={rootRef}
      role="alertdialog"
      aria-labelledby="duplicates-title"
      data-testid="duplicate-warning"
      className="grid gap-3 rounded-lg border-2 border-warning-edge bg-warning-soft p-4"
    >
      <h3 id="duplicates-title" className="text-lg font-semibold text-warning-ink">
        {T.title}
      </h3>
      <p className="text-warning-ink">{sameId ? T.sameIdRefused : T.intro}</p>
      <ul className="grid gap-2">
        {candidates.map((candidate, index) => (
          <li key={candidate.patient.id} data-patient-id={candidate.patient.id} className="flex items-center gap-4 rounded-md bg-surface px-3 py-2">
            <div className="min-w-0 flex-1">
              <p className="flex flex-wrap items-baseline gap-x-4">
                <span className="font-semibold">{candidate.patient.name}</span>
                <span>
                  {candidate.patient.sexLabel} {candidate.patient.ageText}
                </span>
                {candidate.patient.idNumberMasked && <span className="font-mono text-sm">{candidate.patient.idNumberMasked}</span>}
                {candidate.patient.phoneMasked && <span className="font-mono text-sm">{candidate.patient.phoneMasked}</span>}
                <span className="text-sm text-ink-soft">
                  {candidate.patient.lastVisit
                    ? REG_TEXT.lastVisit(candidate.patient.lastVisit.date, candidate.patient.lastVisit.departmentName)
                    : REG_TEXT.firstTime}
                </span>
              </p>
              <p className="text-sm text-warning-ink">{candidate.reasonText || candidate.reasons.map((r) => T.reasons[r]).join('；')}</p>
            </div>
            <Button tone="primary" className="whitespace-nowrap" ref={index === 0 ? first : undefined} onClick={() => onUseExisting(candidate)}>
              {T.useExisting}
            </Button>
          </li>
        ))}
      </ul>
      <div className="flex gap-3">
        {!sameId && (
          <Button tone="danger" onClick={onSaveAnyway}>
            {T.saveAnyway}
          </Button>
        )}
        <Button onClick={onBack}>{T.back}</Button>
      </div>
    </section>
  );
}
