import { useCallback, useEffect, useReducer, useRef } from 'react';
import type { ApiError, PatientDetail, PatientHit } from '../../../../shared/api';
import { useClient } from '../../app/client-context';
import { Button, ErrorBanner } from '../../ui';
import { fieldErrorsOf } from '../../forms/field-errors';
import { advanceOnEnter } from '../../keyboard/enter-advances';
import { useShortcuts } from '../../keyboard/use-shortcuts';
import { DeviceChips, DeviceProblems } from './DeviceChips';
import { DuplicateWarning } from './DuplicateWarning';
import { useCanWritePatients } from './edit-patient-permission';
import { EDIT_TEXT } from './edit-patient-text';
import { EditPatientPanel } from './EditPatientPanel';
import { KeyBar } from './KeyBar';
import { MergedRecords } from './MergedRecords';
import { recordLabel } from './merge-compare';
import { MergePanel } from './MergePanel';
import { MERGE_TEXT } from './merge-text';
import { NewPatientForm } from './NewPatientForm';
import { draftFromSearch, EMPTY_PATIENT_DRAFT, type PatientDraft } from './patient-draft';
import { summaryFromDetail, summaryFromHit, type PatientSummary } from './patient-summary';
import { PatientSearch } from './PatientSearch';
import { RegisteredVisit } from './RegisteredVisit';
import { INITIAL_REGISTRATION, planRegistration, registrationReducer, type Candidate } from './registration-state';
import { SelectedPatient } from './SelectedPatient';
import { chooseByInitials } from './select-typeahead';
import { REG_TEXT as T } from './text';
import { TodayList } from './TodayList';
import { useArrivals, type Message } from './use-arrivals';
import { usePatientSearch } from './use-patient-search';
import { useReferenceData } from './use-reference-data';
import { toVisitInput, type VisitDraft } from './visit-draft';
import { VisitForm } from './VisitForm';

/** 挂号: find or create the patient (search, card, e-voucher), choose the department, register, hand over the slip. */
export function RegistrationSection({ clinicName }: { readonly clinicName: string }) {
  const client = useClient();
  const reference = useReferenceData();
  const [state, dispatch] = useReducer(registrationReducer, INITIAL_REGISTRATION);
  const { query, override, subject, patientErrors, visit, visitErrors, duplicates, message, error, busy, registered, reloadKey, focusNext, tool } = state;
  const search = usePatientSearch(query);
  const canWritePatients = useCanWritePatients();
  const searchRef = useRef<HTMLInputElement>(null);
  const departmentRef = useRef<HTMLSelectElement>(null);
  const nameRef = useRef<HTMLInputElement>(null);
  const patientAreaRef = useRef<HTMLDivElement>(null);
  const fallbackFee = reference.feeCategories[0]?.code ?? '';

  // Focus moves after the element it goes to has been rendered.
  useEffect(() => {
    if (focusNext === null) return;
    if (focusNext === 'search') searchRef.current?.focus();
    if (focusNext === 'department') departmentRef.current?.focus();
    if (focusNext === 'name') nameRef.current?.focus();
    if (focusNext === 'firstError') patientAreaRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
    dispatch({ type: 'focused' });
  }, [focusNext]);

  const say = useCallback((next: Message | null) => dispatch({ type: 'said', message: next }), []);
  const fail = useCallback((failure: ApiError) => dispatch({ type: 'failed', error: failure }), []);

  /** Makes `summary` the patient being registered, then reads the whole record for allergies and defaults. */
  const choose = useCallback(
    async (summary: PatientSummary, loaded?: PatientDetail) => {
      dispatch({ type: 'patientChosen', summary, detail: loaded ?? null, fallbackFee });
      let detail = loaded;
      if (detail === undefined) {
        const read = await client.api.patients.get({ id: summary.id });
        if (!read.ok) return fail(read.error);
        detail = read.value;
      }
      // A merged-away record: register the visit on the record that absorbed it.
      if (detail.mergedInto !== null) {
        const survivor = await client.api.patients.get({ id: detail.mergedInto });
        if (!survivor.ok) return fail(survivor.error);
        detail = survivor.value;
      }
      dispatch({ type: 'patientRead', chosenId: summary.id, detail, fallbackFee });
    },
    [client, fallbackFee, fail],
  );

  const startNew = useCallback(
    (draft: PatientDraft, fromCard: boolean) =>
      dispatch({ type: 'newPatientStarted', draft, fromCard, homeDivision: reference.clinicDivisionCode, fallbackFee }),
    [reference.clinicDivisionCode, fallbackFee],
  );

  const showMatches = useCallback((title: string, hits: ReadonlyArray<PatientHit>) => dispatch({ type: 'matchesShown', list: { title, hits } }), []);

  const { deviceStates, readCardNow } = useArrivals({ choose, startNew, showMatches, say, fail });

  const registerVisitFor = async (patientId: string) => {
    const result = await client.api.visits.register(toVisitInput(visit, patientId));
    if (!result.ok) return dispatch({ type: 'visitRegisterFailed', error: result.error, fieldErrors: fieldErrorsOf(result.error) });
    dispatch({ type: 'visitRegistered', visit: result.value });
  };

  /** F8: saves a new patient first (after the duplicate check), then registers the visit. */
  const register = async (acknowledgedDuplicates = false) => {
    if (busy) return;
    const plan = planRegistration(state);
    dispatch({ type: 'registerPlanned', plan });
    if (plan.kind !== 'saveNewPatient' && plan.kind !== 'registerExisting') return;
    try {
      if (plan.kind === 'registerExisting') return await registerVisitFor(plan.patientId);
      const { form } = plan;
      if (!acknowledgedDuplicates) {
        const check = await client.api.patients.checkDuplicates({
          name: form.name,
          sex: form.sex,
          birthDate: form.birthDate,
          idNumber: form.idNumber,
          phone: form.phone,
        });
        if (!check.ok) return fail(check.error);
        if (check.value.candidates.length > 0) return dispatch({ type: 'duplicatesFound', candidates: check.value.candidates });
      }
      const saved = await client.api.patients.register({ patient: form, acknowledgedDuplicates });
      if (!saved.ok) return dispatch({ type: 'patientSaveFailed', error: saved.error, fieldErrors: fieldErrorsOf(saved.error) });
      dispatch({ type: 'patientSaved', patient: saved.value.patient });
      await registerVisitFor(saved.value.id);
    } finally {
      dispatch({ type: 'registerEnded' });
    }
  };

  /** Chooses a record again as it is now on file (after an edit, a merge or an unmerge). */
  const chooseLatest = async (id: string, text: string) => {
    const read = await client.api.patients.get({ id });
    if (!read.ok) return fail(read.error);
    await choose(summaryFromDetail(read.value), read.value);
    say({ tone: 'info', text });
  };

  const useExisting = async (candidate: Candidate) => {
    await choose(summaryFromHit(candidate.patient));
  };

  useShortcuts({
    'registration.readCard': () => {
      say({ tone: 'info', text: T.events.cardReading });
      void readCardNow();
    },
    'registration.newPatient': () => startNew(subject.kind === 'none' ? draftFromSearch(query) : EMPTY_PATIENT_DRAFT, false),
    'registration.register': () => void register(),
    'registration.escape': () => {
      const active = document.activeElement;
      const inForm = active instanceof HTMLElement && active !== searchRef.current && active.closest('[data-registration-form]') !== null;
      dispatch({ type: 'escaped', inForm });
    },
  });

  const editDraft = (draft: PatientDraft, field: string) => dispatch({ type: 'draftEdited', draft, field });
  const editVisit = (patch: Partial<VisitDraft>, field: keyof VisitDraft) => dispatch({ type: 'visitEdited', patch, field });

  return (
    <div className="grid gap-4" data-testid="registration" onKeyDown={chooseByInitials}>
      <header className="flex flex-wrap items-center gap-4">
        <h2 className="text-xl font-semibold">{T.title}</h2>
        <DeviceChips states={deviceStates} />
        <span className="flex-1" />
        <KeyBar />
      </header>
      <DeviceProblems states={deviceStates} />
      <ErrorBanner error={reference.error} />
      <ErrorBanner error={error} onDismiss={() => dispatch({ type: 'errorDismissed' })} />
      {message && (
        <p
          role="status"
          data-testid="registration-message"
          data-tone={message.tone}
          className={`rounded-md border px-4 py-2 ${message.tone === 'warn' ? 'border-warning-edge bg-warning-soft text-warning-ink' : 'border-primary-line bg-primary-soft text-primary-ink'}`}
        >
          {message.text}
        </p>
      )}
      <div className="grid items-start gap-4 xl:grid-cols-[minmax(0,1fr)_24rem]">
        <div ref={patientAreaRef} className="grid min-w-0 grid-cols-[minmax(0,1fr)] gap-4 rounded-lg bg-surface p-4 shadow-sm">
          <PatientSearch
            query={query}
            onQueryChange={(text) => dispatch({ type: 'queryTyped', text })}
            search={search}
            override={override}
            onPick={(hit) => void choose(summaryFromHit(hit))}
            inputRef={searchRef}
          />
          {subject.kind === 'existing' && (
            <SelectedPatient
              summary={subject.summary}
              detail={subject.detail}
              actions={
                canWritePatients && subject.detail !== null && tool === null ? (
                  <>
                    <Button data-testid="edit-patient-open" onClick={() => dispatch({ type: 'toolOpened', tool: 'edit' })}>
                      {EDIT_TEXT.open}
                    </Button>
                    <Button data-testid="merge-open" onClick={() => dispatch({ type: 'toolOpened', tool: 'merge' })}>
                      {MERGE_TEXT.open}
                    </Button>
                  </>
                ) : null
              }
            />
          )}
          {subject.kind === 'existing' && subject.detail !== null && tool === 'edit' && (
            <EditPatientPanel
              key={subject.detail.id}
              detail={subject.detail}
              codeSets={reference.codeSets}
              feeCategories={reference.feeCategories}
              onSaved={(latest) => {
                void choose(summaryFromDetail(latest), latest);
                say({ tone: 'info', text: EDIT_TEXT.saved(latest.form.name) });
              }}
              onCancel={() => dispatch({ type: 'toolClosed' })}
            />
          )}
          {subject.kind === 'existing' && subject.detail !== null && tool === 'merge' && (
            <MergePanel
              key={subject.detail.id}
              detail={subject.detail}
              codeSets={reference.codeSets}
              feeCategories={reference.feeCategories}
              onMerged={(survivor, absorbed) => {
                void choose(summaryFromDetail(survivor), survivor);
                say({ tone: 'info', text: MERGE_TEXT.merged(recordLabel(absorbed), absorbed.mergedInto ?? survivor.id, recordLabel(survivor)) });
              }}
              onCancel={() => dispatch({ type: 'toolClosed' })}
            />
          )}
          {subject.kind === 'existing' && subject.detail !== null && subject.detail.mergedFrom.length > 0 && tool === null && (
            <MergedRecords
              detail={subject.detail}
              canWrite={canWritePatients}
              onUnmerged={(name) => void chooseLatest(subject.summary.id, MERGE_TEXT.unmerged(name))}
            />
          )}
          {subject.kind === 'new' && (
            <div
              data-registration-form
              onKeyDown={(event) => advanceOnEnter(event, () => dispatch({ type: 'focusRequested', target: 'department' }))}
              className="grid gap-2 border-t border-border-soft pt-3"
            >
              <h3 className="text-lg font-semibold">{T.patient.newTitle}</h3>
              <NewPatientForm
                draft={subject.draft}
                onChange={editDraft}
                errors={patientErrors}
                codeSets={reference.codeSets}
                feeCategories={reference.feeCategories}
                fromCard={subject.fromCard}
                nameRef={nameRef}
              />
            </div>
          )}
          {registered && subject.kind === 'none' && <RegisteredVisit visit={registered} />}
          {duplicates && (
            <DuplicateWarning
              candidates={duplicates}
              onUseExisting={(c) => void useExisting(c)}
              onSaveAnyway={() => void register(true)}
              onBack={() => dispatch({ type: 'duplicatesDismissed' })}
            />
          )}
        </div>
        <div className="grid gap-4">
          <section data-registration-form className="grid gap-2 rounded-lg bg-surface p-4 shadow-sm">
            <h3 className="text-lg font-semibold">{T.visit.title}</h3>
            {subject.kind === 'none' && <p className="text-sm text-muted">{T.visit.needPatient}</p>}
            <VisitForm
              draft={visit}
              onChange={editVisit}
              errors={visitErrors}
              departments={reference.departments}
              doctors={reference.doctors}
              feeCategories={reference.feeCategories}
              submitting={busy}
              onSubmit={() => void register()}
              departmentRef={departmentRef}
            />
          </section>
        </div>
      </div>
      <TodayList departments={reference.departments} doctors={reference.doctors} reloadKey={reloadKey} />
    </div>
  );
}
