import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { ApiError, OutputOf, PatientDetail } from '../../../../shared/api';
import { useClient } from '../../app/client-context';
import { fieldErrorsOf, hasFieldErrors, NO_FIELD_ERRORS, withoutField, type FieldErrors } from '../../forms/field-errors';
import { advanceOnEnter } from '../../keyboard/enter-advances';
import { useShortcuts } from '../../keyboard/use-shortcuts';
import { Button, ErrorBanner } from '../../ui';
import { EditConflict, type ConflictState } from './EditPatientConflict';
import { changedFields, draftFromForm, reapplyEdits } from './edit-patient-draft';
import { EDIT_TEXT as T } from './edit-patient-text';
import { NewPatientForm } from './NewPatientForm';
import { checkPatientDraft, patientFieldErrors, toPatientForm, type PatientDraft } from './patient-draft';

interface EditPatientPanelProps {
  readonly detail: PatientDetail;
  readonly codeSets: OutputOf<'clinic.codeSets'> | null;
  readonly feeCategories: OutputOf<'clinic.feeCategories'>;
  readonly onSaved: (latest: PatientDetail) => void;
  readonly onCancel: () => void;
}

/** 修改资料: the new-patient form, filled from the record on file, saved against the revision it was read at. */
export function EditPatientPanel({ detail, codeSets, feeCategories, onSaved, onCancel }: EditPatientPanelProps) {
  const client = useClient();
  // What was read from the record, and the revision to save against.
  const [base, setBase] = useState(() => ({ rev: detail.rev, draft: draftFromForm(detail.form) }));
  const [draft, setDraft] = useState<PatientDraft>(base.draft);
  const [errors, setErrors] = useState<FieldErrors>(NO_FIELD_ERRORS);
  const [error, setError] = useState<ApiError | null>(null);
  const [conflict, setConflict] = useState<ConflictState | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const rootRef = useRef<HTMLElement>(null);
  const nameRef = useRef<HTMLInputElement>(null);
  const [focusError, setFocusError] = useState(0);

  useEffect(() => nameRef.current?.focus(), []);
  useEffect(() => {
    if (focusError > 0) rootRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [focusError]);

  const edit = (next: PatientDraft, field: string) => {
    setDraft(next);
    setErrors((current) => withoutField(current, field));
    setNote(null);
  };

  const save = async () => {
    if (busy || (conflict !== null && conflict.stage === 'detected')) return;
    const problems = checkPatientDraft(draft);
    setErrors(problems);
    if (hasFieldErrors(problems)) return setFocusError((n) => n + 1);
    if (changedFields(base.draft, draft).length === 0) return setNote(T.nothingChanged);
    setBusy(true);
    setError(null);
    try {
      const saved = await client.api.patients.update({ id: detail.id, rev: base.rev, patient: toPatientForm(draft) });
      if (!saved.ok) {
        if (saved.error.code === 'CONFLICT') return setConflict({ stage: 'detected', original: base.draft, mine: draft });
        if (saved.error.code === 'DUPLICATE') {
          setErrors({ idNumber: saved.error.message });
          setError({ ...saved.error, message: T.idNumberTaken });
        } else {
          setError(saved.error);
          setErrors(patientFieldErrors(fieldErrorsOf(saved.error)));
        }
        return setFocusError((n) => n + 1);
      }
      const latest = await client.api.patients.get({ id: detail.id });
      if (!latest.ok) return setError(latest.error);
      onSaved(latest.value);
    } finally {
      setBusy(false);
    }
  };

  /** Reads the record as it is now; the registrar's own edits are kept aside to be laid over it. */
  const reload = async () => {
    if (conflict === null) return;
    setBusy(true);
    try {
      const latest = await client.api.patients.get({ id: detail.id });
      if (!latest.ok) return setError(latest.error);
      const fresh = draftFromForm(latest.value.form);
      setBase({ rev: latest.value.rev, draft: fresh });
      setDraft(fresh);
      setErrors(NO_FIELD_ERRORS);
      setError(null);
      setConflict({ ...conflict, stage: 'reloaded' });
      nameRef.current?.focus();
    } finally {
      setBusy(false);
    }
  };

  const reapply = () => {
    if (conflict === null) return;
    setDraft(reapplyEdits(base.draft, conflict.original, conflict.mine));
    setConflict(null);
    setNote(T.reapplied);
  };

  useShortcuts(
    {
      'editPatient.save': () => void save(),
      // Unsaved edits are not thrown away by one stray Esc: the first one says what a second would do.
      'editPatient.close': () => {
        if (changedFields(base.draft, draft).length === 0 || note === T.escapeAgain) onCancel();
        else setNote(T.escapeAgain);
      },
    },
    { within: rootRef },
  );
  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => advanceOnEnter(event, () => void save());

  return (
    <section
      ref={rootRef}
      data-testid="edit-patient"
      data-patient-id={detail.id}
      data-rev={base.rev}
      aria-labelledby="edit-patient-title"
      onKeyDown={onKeyDown}
      className="grid gap-3 rounded-lg border-2 border-info-edge bg-info-soft/40 p-4"
    >
      <h3 id="edit-patient-title" className="text-lg font-semibold">
        {T.title(detail.form.name)}
      </h3>
      {conflict && <EditConflict state={conflict} busy={busy} onReload={() => void reload()} onReapply={reapply} />}
      <ErrorBanner error={error} onDismiss={() => setError(null)} />
      {note && (
        <p role="status" data-testid="edit-note" className="rounded-md border border-primary-line bg-primary-soft px-3 py-2 text-primary-ink">
          {note}
        </p>
      )}
      <NewPatientForm draft={draft} onChange={edit} errors={errors} codeSets={codeSets} feeCategories={feeCategories} fromCard={false} nameRef={nameRef} />
      <div className="flex gap-3">
        <Button tone="primary" data-testid="edit-save" disabled={busy || conflict?.stage === 'detected'} onClick={() => void save()}>
          {busy ? T.saving : T.save}
        </Button>
        <Button onClick={onCancel}>{T.cancel}</Button>
      </div>
    </section>
  );
}
