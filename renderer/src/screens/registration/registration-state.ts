import type { ApiError, OutputOf, PatientDetail, PatientHit, VisitView } from '../../../../shared/api';
import { missingCase } from '../../../../shared/missing-case';
import { hasFieldErrors, NO_FIELD_ERRORS, withoutField, type FieldErrors } from '../../forms/field-errors';
import { checkPatientDraft, patientFieldErrors, toPatientForm, type PatientDraft, type PatientFormInput } from './patient-draft';
import { summaryFromDetail, summaryFromHit, type PatientSummary } from './patient-summary';
import type { HitList } from './PatientSearch';
import { REG_TEXT as T } from './text';
import type { Message } from './use-arrivals';
import { checkVisit, EMPTY_VISIT, proposedVisitType, visitDefaultsFor, type VisitDraft } from './visit-draft';

/**
 * The front desk's state as one value, changed only by the events below: what is searched, whom
 * the visit is for, the visit's choices, what the screen says, and where the cursor goes next.
 * The screen component does the calls to the back end and reports their outcome as events.
 */
export type Subject =
  | { readonly kind: 'none' }
  | { readonly kind: 'existing'; readonly summary: PatientSummary; readonly detail: PatientDetail | null }
  | { readonly kind: 'new'; readonly draft: PatientDraft; readonly fromCard: boolean };

export type Candidate = OutputOf<'patients.checkDuplicates'>['candidates'][number];
export type FocusTarget = 'search' | 'department' | 'name' | 'firstError';
/** A tool open on the chosen patient's record (修改资料, 合并重复档案). */
export type RecordTool = 'edit' | 'merge' | null;

export interface RegistrationState {
  readonly query: string;
  /** Matches from a card or voucher that found several records, shown instead of the search results. */
  readonly override: HitList | null;
  readonly subject: Subject;
  readonly patientErrors: FieldErrors;
  readonly visit: VisitDraft;
  readonly visitErrors: FieldErrors;
  readonly duplicates: ReadonlyArray<Candidate> | null;
  readonly message: Message | null;
  readonly error: ApiError | null;
  readonly busy: boolean;
  /** The visit just registered, with its slip, until the next patient. */
  readonly registered: VisitView | null;
  /** Raised after each registration so that 今日挂号 reads again. */
  readonly reloadKey: number;
  /** Where the cursor goes once the screen has rendered. */
  readonly focusNext: FocusTarget | null;
  readonly tool: RecordTool;
}

export const INITIAL_REGISTRATION: RegistrationState = {
  query: '',
  override: null,
  subject: { kind: 'none' },
  patientErrors: NO_FIELD_ERRORS,
  visit: EMPTY_VISIT,
  visitErrors: NO_FIELD_ERRORS,
  duplicates: null,
  message: null,
  error: null,
  busy: false,
  registered: null,
  reloadKey: 0,
  focusNext: 'search',
  tool: null,
};

/** What F8 will do with the state as it is. */
export type RegisterPlan =
  | { readonly kind: 'needPatient' }
  /** The record is being edited: F8 saved the edit once; now it says how to save, and waits. */
  | { readonly kind: 'finishEditFirst' }
  | { readonly kind: 'invalid'; readonly visitErrors: FieldErrors; readonly patientErrors: FieldErrors | null; readonly focus: FocusTarget }
  | { readonly kind: 'saveNewPatient'; readonly form: PatientFormInput }
  | { readonly kind: 'registerExisting'; readonly patientId: string };

export function planRegistration(state: RegistrationState, today?: string): RegisterPlan {
  const { subject, visit } = state;
  if (subject.kind === 'none') return { kind: 'needPatient' };
  if (state.tool === 'edit') return { kind: 'finishEditFirst' };
  const visitErrors = checkVisit(visit);
  if (subject.kind === 'existing') {
    return hasFieldErrors(visitErrors)
      ? { kind: 'invalid', visitErrors, patientErrors: null, focus: 'department' }
      : { kind: 'registerExisting', patientId: subject.summary.id };
  }
  const patientErrors = checkPatientDraft(subject.draft, today);
  if (hasFieldErrors(patientErrors)) return { kind: 'invalid', visitErrors, patientErrors, focus: 'firstError' };
  if (hasFieldErrors(visitErrors)) return { kind: 'invalid', visitErrors, patientErrors, focus: 'department' };
  return { kind: 'saveNewPatient', form: toPatientForm(subject.draft, visit.feeCategory) };
}

export type RegistrationEvent =
  | { readonly type: 'queryTyped'; readonly text: string }
  | { readonly type: 'patientChosen'; readonly summary: PatientSummary; readonly detail: PatientDetail | null; readonly fallbackFee: string }
  /** The whole record of the chosen patient has been read (or the record that absorbed it). */
  | { readonly type: 'patientRead'; readonly chosenId: string; readonly detail: PatientDetail; readonly fallbackFee: string }
  | {
      readonly type: 'newPatientStarted';
      readonly draft: PatientDraft;
      readonly fromCard: boolean;
      readonly homeDivision: string | null;
      readonly fallbackFee: string;
    }
  | { readonly type: 'matchesShown'; readonly list: HitList }
  | { readonly type: 'draftEdited'; readonly draft: PatientDraft; readonly field: string }
  | { readonly type: 'visitEdited'; readonly patch: Partial<VisitDraft>; readonly field: keyof VisitDraft }
  | { readonly type: 'registerPlanned'; readonly plan: RegisterPlan }
  | { readonly type: 'duplicatesFound'; readonly candidates: ReadonlyArray<Candidate> }
  | { readonly type: 'duplicatesDismissed' }
  | { readonly type: 'patientSaveFailed'; readonly error: ApiError; readonly fieldErrors: FieldErrors }
  | { readonly type: 'patientSaved'; readonly patient: PatientHit }
  | { readonly type: 'visitRegisterFailed'; readonly error: ApiError; readonly fieldErrors: FieldErrors }
  | { readonly type: 'visitRegistered'; readonly visit: VisitView }
  | { readonly type: 'registerEnded' }
  | { readonly type: 'toolOpened'; readonly tool: Exclude<RecordTool, null> }
  | { readonly type: 'toolClosed' }
  /** Esc; `inForm`: the cursor is in a form field other than the search box. */
  | { readonly type: 'escaped'; readonly inForm: boolean }
  | { readonly type: 'said'; readonly message: Message | null }
  | { readonly type: 'failed'; readonly error: ApiError }
  | { readonly type: 'errorDismissed' }
  | { readonly type: 'focusRequested'; readonly target: FocusTarget }
  | { readonly type: 'focused' };

/** Back to an empty screen (the last registered visit and the message stay). */
function startOver(state: RegistrationState): RegistrationState {
  return {
    ...state,
    subject: { kind: 'none' },
    tool: null,
    visit: EMPTY_VISIT,
    visitErrors: NO_FIELD_ERRORS,
    patientErrors: NO_FIELD_ERRORS,
    duplicates: null,
    override: null,
    query: '',
    error: null,
  };
}

/** Whoever is being registered now: the earlier slip, list and message give way. */
function newSubject(state: RegistrationState, subject: Subject): RegistrationState {
  return { ...state, subject, tool: null, override: null, duplicates: null, patientErrors: NO_FIELD_ERRORS, registered: null, error: null };
}

const TOUCHABLE: ReadonlyArray<keyof VisitDraft> = ['departmentCode', 'visitType', 'feeCategory'];

export function registrationReducer(state: RegistrationState, event: RegistrationEvent): RegistrationState {
  switch (event.type) {
    case 'queryTyped':
      return { ...state, query: event.text, override: null };
    case 'patientChosen': {
      const lastDepartmentCode = event.summary.lastVisit?.departmentCode ?? null;
      const chosen = newSubject(state, { kind: 'existing', summary: event.summary, detail: event.detail });
      return {
        ...chosen,
        query: '',
        focusNext: 'department',
        visit: visitDefaultsFor(state.visit, { lastDepartmentCode, feeCategory: null }, event.fallbackFee),
      };
    }
    case 'patientRead': {
      // The registrar may have moved on to someone else while the record was read.
      if (state.subject.kind !== 'existing' || state.subject.summary.id !== event.chosenId) return state;
      const { detail } = event;
      const fresh = summaryFromDetail(detail);
      const summary = detail.id === event.chosenId ? state.subject.summary : fresh;
      const defaults = { lastDepartmentCode: fresh.lastVisit?.departmentCode ?? null, feeCategory: detail.form.insurance?.feeCategory ?? null };
      return { ...state, subject: { kind: 'existing', summary, detail }, visit: visitDefaultsFor(state.visit, defaults, event.fallbackFee) };
    }
    case 'newPatientStarted': {
      const home = event.homeDivision;
      const draft = event.draft.divisionCode === '' && home !== null && home.length >= 6 ? { ...event.draft, divisionCode: home } : event.draft;
      // An insured newcomer (a card or voucher with an insurance number) has no category on file yet:
      // the registrar chooses it rather than the form guessing 自费.
      const insured = draft.insuranceNumber.trim() !== '';
      const visit = visitDefaultsFor(state.visit, { lastDepartmentCode: null, feeCategory: draft.feeCategory || null }, insured ? '' : event.fallbackFee);
      return { ...newSubject(state, { kind: 'new', draft, fromCard: event.fromCard }), visit, focusNext: event.fromCard ? 'department' : 'name' };
    }
    case 'matchesShown':
      return { ...state, subject: { kind: 'none' }, override: event.list, focusNext: 'search' };
    case 'draftEdited': {
      if (state.subject.kind !== 'new') return state;
      const takesFee = event.field === 'insurance.feeCategory' && !state.visit.touched.includes('feeCategory') && event.draft.feeCategory !== '';
      return {
        ...state,
        subject: { ...state.subject, draft: event.draft },
        patientErrors: withoutField(state.patientErrors, event.field),
        visit: takesFee ? { ...state.visit, feeCategory: event.draft.feeCategory } : state.visit,
      };
    }
    case 'visitEdited': {
      const { field } = event;
      const touched = TOUCHABLE.includes(field) ? [...new Set([...state.visit.touched, field as VisitDraft['touched'][number]])] : state.visit.touched;
      const visit = { ...state.visit, ...event.patch, touched };
      // 复诊 was proposed for the last visit's department: another department makes it 初诊 again, unless the registrar chose the type.
      const lastDepartment = state.subject.kind === 'existing' ? (state.subject.summary.lastVisit?.departmentCode ?? null) : null;
      const visitType =
        field === 'departmentCode' && !touched.includes('visitType') ? proposedVisitType(lastDepartment, visit.departmentCode) : visit.visitType;
      return { ...state, visit: { ...visit, visitType }, visitErrors: withoutField(state.visitErrors, field) };
    }
    case 'registerPlanned':
      return planned(state, event.plan);
    case 'duplicatesFound':
      return { ...state, duplicates: event.candidates };
    case 'duplicatesDismissed':
      return { ...state, duplicates: null, focusNext: 'name' };
    case 'patientSaveFailed':
      return { ...state, error: event.error, patientErrors: patientFieldErrors(event.fieldErrors), focusNext: 'firstError' };
    case 'patientSaved':
      return { ...state, duplicates: null, subject: { kind: 'existing', summary: summaryFromHit(event.patient), detail: null } };
    case 'visitRegisterFailed':
      return { ...state, error: event.error, visitErrors: event.fieldErrors };
    case 'visitRegistered':
      return { ...startOver(state), message: null, registered: event.visit, reloadKey: state.reloadKey + 1, focusNext: 'search' };
    case 'registerEnded':
      return { ...state, busy: false };
    case 'toolOpened':
      return { ...state, tool: event.tool };
    case 'toolClosed':
      return { ...state, tool: null, focusNext: 'department' };
    case 'escaped':
      return escaped(state, event.inForm);
    case 'said':
      return { ...state, message: event.message };
    case 'failed':
      return { ...state, error: event.error };
    case 'errorDismissed':
      return { ...state, error: null };
    case 'focusRequested':
      return { ...state, focusNext: event.target };
    case 'focused':
      return { ...state, focusNext: null };
    default:
      return missingCase(event);
  }
}

function planned(state: RegistrationState, plan: RegisterPlan): RegistrationState {
  switch (plan.kind) {
    case 'needPatient':
      return { ...state, message: { tone: 'warn', text: T.visit.needPatient }, focusNext: 'search' };
    case 'finishEditFirst':
      return { ...state, message: { tone: 'warn', text: T.visit.finishEditFirst } };
    case 'invalid':
      return { ...state, visitErrors: plan.visitErrors, patientErrors: plan.patientErrors ?? state.patientErrors, focusNext: plan.focus };
    case 'saveNewPatient':
    case 'registerExisting':
      return { ...state, visitErrors: NO_FIELD_ERRORS, patientErrors: state.subject.kind === 'new' ? NO_FIELD_ERRORS : state.patientErrors, busy: true };
    default:
      return missingCase(plan);
  }
}

/**
 * Esc steps back one thing at a time: out of a form to the search box, then clears the search,
 * then the chosen patient, then the last slip and message.
 */
function escaped(state: RegistrationState, inForm: boolean): RegistrationState {
  if (inForm) return { ...state, focusNext: 'search' };
  if (state.query !== '' || state.override !== null) return { ...state, query: '', override: null, focusNext: 'search' };
  if (state.subject.kind !== 'none') return { ...startOver(state), message: null, focusNext: 'search' };
  return { ...state, registered: null, message: null, focusNext: 'search' };
}
