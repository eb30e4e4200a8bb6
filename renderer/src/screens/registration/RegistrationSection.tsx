import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { ApiError, OutputOf, PatientDetail, PatientHit, VisitView } from '../../../../shared/api';
import { useClient } from '../../app/client-context';
import { Button } from '../../components/Button';
import { ErrorBanner } from '../../components/ErrorBanner';
import { fieldErrorsOf, hasFieldErrors, NO_FIELD_ERRORS, withoutField, type FieldErrors } from '../../forms/field-errors';
import { advanceOnEnter } from '../../keyboard/enter-advances';
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
import { checkPatientDraft, draftFromSearch, EMPTY_PATIENT_DRAFT, patientFieldErrors, toPatientForm, type PatientDraft } from './patient-draft';
import { summaryFromDetail, summaryFromHit, type PatientSummary } from './patient-summary';
import { PatientSearch, type HitList } from './PatientSearch';
import { RegisteredVisit } from './RegisteredVisit';
import { registrationActionFor, type RegistrationAction } from './registration-keys';
import { SelectedPatient } from './SelectedPatient';
import { REG_TEXT as T } from './text';
import { TodayList } from './TodayList';
import { useArrivals, type Message } from './use-arrivals';
import { usePatientSearch } from './use-patient-search';
import { useReferenceData } from './use-reference-data';
import { checkVisit, EMPTY_VISIT, toVisitInput, visitDefaultsFor, type VisitDraft } from './visit-draft';
import { VisitForm } from './VisitForm';

type Subject =
  | { readonly kind: 'none' }
  | { readonly kind: 'existing'; readonly summary: PatientSummary; readonly detail: PatientDetail | null }
  | { readonly kind: 'new'; readonly draft: PatientDraft; readonly fromCard: boolean };

type Candidate = OutputOf<'patients.checkDuplicates'>['candidates'][number];
type FocusTarget = 'search' | 'department' | 'name' | 'firstError';
/** A tool open on the chosen patient's record (修改资料, 合并重复档案). */
type RecordTool = 'edit' | 'merge' | null;

/** 挂号: find or create the patient (search, card, e-voucher), choose the department, register, hand over the slip. */
export function RegistrationSection({ clinicName }: { readonly clinicName: string }) {
  const client = useClient();
  const reference = useReferenceData();
  const [query, setQuery] = useState('');
  const search = usePatientSearch(query);
  const [override, setOverride] = useState<HitList | null>(null);
  const [subject, setSubject] = useState<Subject>({ kind: 'none' });
  const [patientErrors, setPatientErrors] = useState<FieldErrors>(NO_FIELD_ERRORS);
  const [visit, setVisit] = useState<VisitDraft>(EMPTY_VISIT);
  const [visitErrors, setVisitErrors] = useState<FieldErrors>(NO_FIELD_ERRORS);
  const [duplicates, setDuplicates] = useState<ReadonlyArray<Candidate> | null>(null);
  const [message, setMessage] = useState<Message | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [registered, setRegistered] = useState<VisitView | null>(null);
  const [reloadKey, setReloadKey] = useState(0);
  const [focusNext, setFocusNext] = useState<FocusTarget | null>('search');
  const [tool, setTool] = useState<RecordTool>(null);
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
    setFocusNext(null);
  }, [focusNext]);

  const startOver = useCallback(() => {
    setSubject({ kind: 'none' });
    setTool(null);
    setVisit(EMPTY_VISIT);
    setVisitErrors(NO_FIELD_ERRORS);
    setPatientErrors(NO_FIELD_ERRORS);
    setDuplicates(null);
    setOverride(null);
    setQuery('');
    setError(null);
  }, []);

  /** Makes `summary` the patient being registered, then reads the whole record for allergies and defaults. */
  const choose = useCallback(
    async (summary: PatientSummary, loaded?: PatientDetail) => {
      setSubject({ kind: 'existing', summary, detail: loaded ?? null });
      setTool(null);
      setOverride(null);
      setQuery('');
      setDuplicates(null);
      setPatientErrors(NO_FIELD_ERRORS);
      setRegistered(null);
      setError(null);
      setVisit((v) => visitDefaultsFor(v, { lastDepartmentCode: summary.lastVisit?.departmentCode ?? null, feeCategory: null }, fallbackFee));
      setFocusNext('department');
      let detail = loaded;
      if (detail === undefined) {
        const read = await client.api.patients.get({ id: summary.id });
        if (!read.ok) return setError(read.error);
        detail = read.value;
      }
      // A merged-away record: register the visit on the record that absorbed it.
      if (detail.mergedInto !== null) {
        const survivor = await client.api.patients.get({ id: detail.mergedInto });
        if (!survivor.ok) return setError(survivor.error);
        detail = survivor.value;
      }
      const full = detail;
      setSubject((current) => (current.kind === 'existing' && current.summary.id === summary.id ? { kind: 'existing', summary: full.id === summary.id ? summary : summaryFromDetail(full), detail: full } : current));
      setVisit((v) => visitDefaultsFor(v, { lastDepartmentCode: summaryFromDetail(full).lastVisit?.departmentCode ?? null, feeCategory: full.form.insurance?.feeCategory ?? null }, fallbackFee));
    },
    [client, fallbackFee],
  );

  const startNew = useCallback(
    (draft: PatientDraft, fromCard: boolean) => {
      const home = reference.clinicDivisionCode;
      const withHome = draft.divisionCode === '' && home !== null && home.length >= 6 ? { ...draft, divisionCode: home } : draft;
      setSubject({ kind: 'new', draft: withHome, fromCard });
      setTool(null);
      setOverride(null);
      setDuplicates(null);
      setPatientErrors(NO_FIELD_ERRORS);
      setRegistered(null);
      setError(null);
      // An insured newcomer (a card or voucher with an insurance number) has no category on file yet:
      // the registrar chooses it rather than the form guessing 自费.
      const insured = withHome.insuranceNumber.trim() !== '';
      setVisit((v) => visitDefaultsFor(v, { lastDepartmentCode: null, feeCategory: withHome.feeCategory || null }, insured ? '' : fallbackFee));
      setFocusNext(fromCard ? 'department' : 'name');
    },
    [reference.clinicDivisionCode, fallbackFee],
  );

  const showMatches = useCallback((title: string, hits: ReadonlyArray<PatientHit>) => {
    setSubject({ kind: 'none' });
    setOverride({ title, hits });
    setFocusNext('search');
  }, []);

  const { deviceStates, readCardNow } = useArrivals({ choose, startNew, showMatches, say: setMessage, fail: setError });

  const registerVisitFor = async (patientId: string) => {
    const result = await client.api.visits.register(toVisitInput(visit, patientId));
    if (!result.ok) {
      setError(result.error);
      setVisitErrors(fieldErrorsOf(result.error));
      return;
    }
    startOver();
    setMessage(null);
    setRegistered(result.value);
    setReloadKey((k) => k + 1);
    setFocusNext('search');
  };

  /** F8: saves a new patient first (after the duplicate check), then registers the visit. */
  const register = async (acknowledgedDuplicates = false) => {
    if (busy) return;
    if (subject.kind === 'none') {
      setMessage({ tone: 'warn', text: T.visit.needPatient });
      return setFocusNext('search');
    }
    const visitProblems = checkVisit(visit);
    setVisitErrors(visitProblems);
    setBusy(true);
    try {
      if (subject.kind === 'new') {
        const problems = checkPatientDraft(subject.draft);
        setPatientErrors(problems);
        if (hasFieldErrors(problems)) return setFocusNext('firstError');
        if (hasFieldErrors(visitProblems)) return setFocusNext('department');
        const form = toPatientForm(subject.draft, visit.feeCategory);
        if (!acknowledgedDuplicates) {
          const check = await client.api.patients.checkDuplicates({ name: form.name, sex: form.sex, birthDate: form.birthDate, idNumber: form.idNumber, phone: form.phone });
          if (!check.ok) return setError(check.error);
          if (check.value.candidates.length > 0) return setDuplicates(check.value.candidates);
        }
        const saved = await client.api.patients.register({ patient: form, acknowledgedDuplicates });
        if (!saved.ok) {
          setError(saved.error);
          setPatientErrors(patientFieldErrors(fieldErrorsOf(saved.error)));
          return setFocusNext('firstError');
        }
        setDuplicates(null);
        setSubject({ kind: 'existing', summary: summaryFromHit(saved.value.patient), detail: null });
        await registerVisitFor(saved.value.id);
      } else {
        if (hasFieldErrors(visitProblems)) return setFocusNext('department');
        await registerVisitFor(subject.summary.id);
      }
    } finally {
      setBusy(false);
    }
  };

  /** Chooses a record again as it is now on file (after an edit, a merge or an unmerge). */
  const chooseLatest = async (id: string, text: string) => {
    const read = await client.api.patients.get({ id });
    if (!read.ok) return setError(read.error);
    await choose(summaryFromDetail(read.value), read.value);
    setMessage({ tone: 'info', text });
  };

  const useExisting = async (candidate: Candidate) => {
    setDuplicates(null);
    await choose(summaryFromHit(candidate.patient));
  };

  const escape = () => {
    const active = document.activeElement;
    if (active instanceof HTMLElement && active !== searchRef.current && active.closest('[data-registration-form]')) return setFocusNext('search');
    if (query !== '' || override !== null) {
      setQuery('');
      setOverride(null);
      return setFocusNext('search');
    }
    if (subject.kind !== 'none') {
      startOver();
      setMessage(null);
      return setFocusNext('search');
    }
    setRegistered(null);
    setMessage(null);
    setFocusNext('search');
  };

  const actions: Readonly<Record<RegistrationAction, () => void>> = {
    readCard: () => {
      setMessage({ tone: 'info', text: T.events.cardReading });
      void readCardNow();
    },
    newPatient: () => startNew(subject.kind === 'none' ? draftFromSearch(query) : EMPTY_PATIENT_DRAFT, false),
    register: () => void register(),
    printSlip: () => registered !== null && window.print(),
    escape,
  };
  const actionsRef = useRef(actions);
  useLayoutEffect(() => {
    actionsRef.current = actions;
  });
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.isComposing) return;
      const action = registrationActionFor(event);
      if (action === null) return;
      event.preventDefault();
      actionsRef.current[action]();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  const editDraft = (draft: PatientDraft, field: string) => {
    setSubject((current) => (current.kind === 'new' ? { ...current, draft } : current));
    setPatientErrors((current) => withoutField(current, field));
    if (field === 'insurance.feeCategory' && !visit.touched.includes('feeCategory') && draft.feeCategory !== '') setVisit((v) => ({ ...v, feeCategory: draft.feeCategory }));
  };

  const editVisit = (patch: Partial<VisitDraft>, field: keyof VisitDraft) => {
    setVisit((v) => ({ ...v, ...patch, touched: field === 'departmentCode' || field === 'visitType' || field === 'feeCategory' ? [...new Set([...v.touched, field])] : v.touched }));
    setVisitErrors((current) => withoutField(current, field));
  };

  return (
    <div className="grid gap-4" data-testid="registration">
      <header className="flex flex-wrap items-center gap-4">
        <h2 className="text-xl font-semibold">{T.title}</h2>
        <DeviceChips states={deviceStates} />
        <span className="flex-1" />
        <KeyBar />
      </header>
      <DeviceProblems states={deviceStates} />
      <ErrorBanner error={reference.error} />
      <ErrorBanner error={error} onDismiss={() => setError(null)} />
      {message && (
        <p role="status" data-testid="registration-message" data-tone={message.tone} className={`rounded-md border px-4 py-2 ${message.tone === 'warn' ? 'border-warning-edge bg-warning-soft text-warning-ink' : 'border-primary-line bg-primary-soft text-primary-ink'}`}>
          {message.text}
        </p>
      )}
      <div className="grid items-start gap-4 xl:grid-cols-[minmax(0,1fr)_24rem]">
        <div ref={patientAreaRef} className="grid min-w-0 grid-cols-[minmax(0,1fr)] gap-4 rounded-lg bg-surface p-4 shadow-sm">
          <PatientSearch query={query} onQueryChange={(text) => { setQuery(text); setOverride(null); }} search={search} override={override} onPick={(hit) => void choose(summaryFromHit(hit))} inputRef={searchRef} />
          {subject.kind === 'existing' && (
            <SelectedPatient
              summary={subject.summary}
              detail={subject.detail}
              actions={
                canWritePatients && subject.detail !== null && tool === null ? (
                  <>
                    <Button data-testid="edit-patient-open" onClick={() => setTool('edit')}>
                      {EDIT_TEXT.open}
                    </Button>
                    <Button data-testid="merge-open" onClick={() => setTool('merge')}>
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
                setMessage({ tone: 'info', text: EDIT_TEXT.saved(latest.form.name) });
              }}
              onCancel={() => {
                setTool(null);
                setFocusNext('department');
              }}
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
                setMessage({ tone: 'info', text: MERGE_TEXT.merged(recordLabel(absorbed), absorbed.mergedInto ?? survivor.id, recordLabel(survivor)) });
              }}
              onCancel={() => {
                setTool(null);
                setFocusNext('department');
              }}
            />
          )}
          {subject.kind === 'existing' && subject.detail !== null && subject.detail.mergedFrom.length > 0 && tool === null && (
            <MergedRecords detail={subject.detail} canWrite={canWritePatients} onUnmerged={(name) => void chooseLatest(subject.summary.id, MERGE_TEXT.unmerged(name))} />
          )}
          {subject.kind === 'new' && (
            <div data-registration-form onKeyDown={(event) => advanceOnEnter(event, () => setFocusNext('department'))} className="grid gap-2 border-t border-border-soft pt-3">
              <h3 className="text-lg font-semibold">{T.patient.newTitle}</h3>
              <NewPatientForm draft={subject.draft} onChange={editDraft} errors={patientErrors} codeSets={reference.codeSets} feeCategories={reference.feeCategories} fromCard={subject.fromCard} nameRef={nameRef} />
            </div>
          )}
          {registered && subject.kind === 'none' && <RegisteredVisit visit={registered} clinicName={clinicName} />}
          {duplicates && <DuplicateWarning candidates={duplicates} onUseExisting={(c) => void useExisting(c)} onSaveAnyway={() => void register(true)} onBack={() => { setDuplicates(null); setFocusNext('name'); }} />}
        </div>
        <div className="grid gap-4">
          <section data-registration-form className="grid gap-2 rounded-lg bg-surface p-4 shadow-sm">
            <h3 className="text-lg font-semibold">{T.visit.title}</h3>
            {subject.kind === 'none' && <p className="text-sm text-muted">{T.visit.needPatient}</p>}
            <VisitForm draft={visit} onChange={editVisit} errors={visitErrors} departments={reference.departments} doctors={reference.doctors} feeCategories={reference.feeCategories} submitting={busy} onSubmit={() => void register()} departmentRef={departmentRef} />
          </section>
        </div>
      </div>
      <TodayList departments={reference.departments} doctors={reference.doctors} reloadKey={reloadKey} />
    </div>
  );
}
