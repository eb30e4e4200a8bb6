import { Button } from '../../ui';
import { useEffect, useRef } from 'react';
import { changedFields } from './edit-patient-draft';
import { EDIT_TEXT as T } from './edit-patient-text';
import type { PatientDraft } from './patient-draft';

export interface ConflictState {
  /** `detected`: the save was refused; `reloaded`: the latest record is in the form, the edits kept aside. */
  readonly stage: 'detected' | 'reloaded';
  /** The record as the registrar first read it, and as they had edited it. */
  readonly original: PatientDraft;
  readonly mine: PatientDraft;
}

interface EditConflictProps {
  readonly state: ConflictState;
  readonly busy: boolean;
  readonly onReload: () => void;
  readonly onReapply: () => void;
}

/** Someone else saved this patient first: say so plainly, name what the registrar had changed, offer the latest version. */
export function EditConflict({ state, busy, onReload, onReapply }: EditConflictProps) {
  const reloadRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (state.stage === 'detected') reloadRef.current?.focus();
  }, [state.stage]);
  const mine = changedFields(state.original, state.mine)
    .map((field) => T.fieldLabels[field])
    .join('、');

  return (
    <div
      role="alert"
      data-testid="edit-conflict"
      data-stage={state.stage}
      className="grid gap-2 rounded-md border-2 border-warning-edge bg-warning-soft px-4 py-3 text-warning-deep"
    >
      <p className="font-semibold">{state.stage === 'detected' ? T.conflictTitle : T.reloaded}</p>
      {state.stage === 'detected' && <p>{T.conflictText}</p>}
      {mine !== '' && <p className="text-sm">{T.conflictMine(mine)}</p>}
      <div className="flex gap-3">
        {state.stage === 'detected' ? (
          <Button tone="primary" ref={reloadRef} disabled={busy} onClick={onReload}>
            {T.conflictReload}
          </Button>
        ) : (
          <Button onClick={onReapply}>{T.reapply}</Button>
        )}
      </div>
    </div>
  );
}
