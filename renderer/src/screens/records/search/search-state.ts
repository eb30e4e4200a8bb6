import type { ApiError, RecordSearchResult } from '../../../../../shared/api';
import { missingCase } from '../../../../../shared/missing-case';

/** 病案查询's state: the form as typed, the last answer, the row opened under the list. */

export interface SearchForm {
  readonly text: string;
  readonly patient: string;
  readonly caseNumber: string;
  readonly dateFrom: string;
  readonly dateTo: string;
  readonly departmentCode: string;
  readonly doctorUsername: string;
  readonly diagnosis: string;
  readonly qcGrade: string;
}

export interface SearchState {
  readonly form: SearchForm;
  readonly results: ReadonlyArray<RecordSearchResult> | null;
  readonly more: boolean;
  readonly searching: boolean;
  readonly error: ApiError | null;
  readonly opened: string | null;
}

export type SearchAction =
  | { readonly type: 'edit'; readonly field: keyof SearchForm; readonly value: string }
  | { readonly type: 'searching' }
  | { readonly type: 'answered'; readonly results: ReadonlyArray<RecordSearchResult>; readonly more: boolean }
  | { readonly type: 'failed'; readonly error: ApiError }
  | { readonly type: 'open'; readonly recordId: string | null };

export const EMPTY_FORM: SearchForm = {
  text: '',
  patient: '',
  caseNumber: '',
  dateFrom: '',
  dateTo: '',
  departmentCode: '',
  doctorUsername: '',
  diagnosis: '',
  qcGrade: '',
};
export const INITIAL_SEARCH: SearchState = { form: EMPTY_FORM, results: null, more: false, searching: false, error: null, opened: null };

export function searchReducer(state: SearchState, action: SearchAction): SearchState {
  switch (action.type) {
    case 'edit':
      return { ...state, form: { ...state.form, [action.field]: action.value } };
    case 'searching':
      return { ...state, searching: true, error: null };
    case 'answered':
      return { ...state, searching: false, results: action.results, more: action.more, opened: null };
    case 'failed':
      return { ...state, searching: false, error: action.error };
    case 'open':
      return { ...state, opened: state.opened === action.recordId ? null : action.recordId };
    default:
      return missingCase(action);
  }
}

/** The form as the contract wants it: empty fields left out. */
export function searchInput(form: SearchForm) {
  const optional = <K extends string>(key: K, value: string) => (value ? { [key]: value } : {}) as Partial<Record<K, string>>;
  return {
    text: form.text,
    patient: form.patient,
    caseNumber: form.caseNumber,
    diagnosis: form.diagnosis,
    ...optional('dateFrom', form.dateFrom),
    ...optional('dateTo', form.dateTo),
    ...optional('departmentCode', form.departmentCode),
    ...optional('doctorUsername', form.doctorUsername),
    ...(form.qcGrade ? { qcGrade: form.qcGrade as '甲' | '乙' | '丙' } : {}),
  };
}
