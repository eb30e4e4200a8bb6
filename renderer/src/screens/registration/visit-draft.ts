import type { InputOf } from '../../../../shared/api';
import type { FieldErrors } from '../../forms/field-errors';
import { REG_TEXT } from './text';

export type VisitType = InputOf<'visits.register'>['visitType'];

export interface VisitDraft {
  readonly departmentCode: string;
  /** '' for the department's queue, any doctor. */
  readonly doctorUsername: string;
  readonly visitType: VisitType;
  readonly feeCategory: string;
  /** Fields the registrar set by hand: a newly chosen patient does not overwrite them. */
  readonly touched: ReadonlyArray<'departmentCode' | 'visitType' | 'feeCategory'>;
}

export const EMPTY_VISIT: VisitDraft = { departmentCode: '', doctorUsername: '', visitType: 'first', feeCategory: '', touched: [] };

export const VISIT_TYPES: ReadonlyArray<{ readonly value: VisitType; readonly label: string; readonly key: string }> = [
  { value: 'first', label: '初诊', key: '1' },
  { value: 'return', label: '复诊', key: '2' },
  { value: 'emergency', label: '急诊', key: '3' },
];

/** 复诊 follows a visit to the same department (shared/codes/visit-rules.ts); another department is 初诊. */
export function proposedVisitType(lastDepartmentCode: string | null, departmentCode: string): VisitType {
  return lastDepartmentCode !== null && lastDepartmentCode === departmentCode ? 'return' : 'first';
}

/**
 * Defaults for a chosen patient: a patient seen before comes back as 复诊 to the department of the
 * last visit, paying as recorded; the registrar's own choices stay.
 */
export function visitDefaultsFor(
  draft: VisitDraft,
  patient: { readonly lastDepartmentCode: string | null; readonly feeCategory: string | null },
  fallbackFeeCategory: string,
): VisitDraft {
  const keep = (field: VisitDraft['touched'][number]) => draft.touched.includes(field);
  const departmentCode = keep('departmentCode') ? draft.departmentCode : (patient.lastDepartmentCode ?? draft.departmentCode);
  return {
    ...draft,
    departmentCode,
    visitType: keep('visitType') ? draft.visitType : proposedVisitType(patient.lastDepartmentCode, departmentCode),
    feeCategory: keep('feeCategory') ? draft.feeCategory : (patient.feeCategory ?? (draft.feeCategory || fallbackFeeCategory)),
  };
}

export function checkVisit(draft: VisitDraft): FieldErrors {
  const errors: Record<string, string> = {};
  if (draft.departmentCode === '') errors.departmentCode = REG_TEXT.visit.departmentRequired;
  if (draft.feeCategory === '') errors.feeCategory = REG_TEXT.visit.feeCategoryRequired;
  return errors;
}

export function toVisitInput(draft: VisitDraft, patientId: string): InputOf<'visits.register'> {
  return {
    patientId,
    departmentCode: draft.departmentCode,
    doctorUsername: draft.doctorUsername === '' ? undefined : draft.doctorUsername,
    visitType: draft.visitType,
    feeCategory: draft.feeCategory,
  };
}
