import { contract, type InputOf, type OutputOf } from '../../../../shared/api';
import { checkWithSchema } from '../../forms/check-with-schema';
import { mergeFieldErrors, type FieldErrors } from '../../forms/field-errors';
import { ADMIN_TEXT as T } from './text';

export type DepartmentView = OutputOf<'admin.updateDepartment'>;

export interface DepartmentDraft {
  readonly code: string;
  readonly name: string;
  readonly outpatient: boolean;
}

export const EMPTY_DEPARTMENT: DepartmentDraft = { code: '', name: '', outpatient: true };

export function toDepartmentInput(draft: DepartmentDraft): InputOf<'admin.createDepartment'> {
  return { code: draft.code.trim(), name: draft.name.trim(), outpatient: draft.outpatient };
}

/**
 * Field errors before sending, keyed like the server's (`code`, `name`). A code already in the list
 * is left to the server, which is the one that knows for sure (another workstation may have added it).
 */
export function checkDepartment(draft: DepartmentDraft): FieldErrors {
  const missing: Record<string, string> = {};
  if (draft.code.trim() === '') missing.code = T.departmentCodeRequired;
  if (draft.name.trim() === '') missing.name = T.departmentNameRequired;
  return mergeFieldErrors(missing, checkWithSchema(contract['admin.createDepartment'].input, toDepartmentInput(draft)));
}

/** 修改: the same fields as a new department, the code fixed (records refer to it). */
export function departmentEditDraft(department: DepartmentView): DepartmentDraft {
  return { code: department.code, name: department.name, outpatient: department.outpatient };
}

/** Only what differs from the department as listed; null when nothing does. */
export function toDepartmentUpdate(department: DepartmentView, draft: DepartmentDraft): InputOf<'admin.updateDepartment'> | null {
  const name = draft.name.trim();
  const change = {
    ...(name !== department.name ? { name } : {}),
    ...(draft.outpatient !== department.outpatient ? { outpatient: draft.outpatient } : {}),
  };
  return Object.keys(change).length === 0 ? null : { code: department.code, ...change };
}

export function checkDepartmentEdit(draft: DepartmentDraft): FieldErrors {
  const missing: Record<string, string> = {};
  if (draft.name.trim() === '') missing.name = T.departmentNameRequired;
  return mergeFieldErrors(
    missing,
    checkWithSchema(contract['admin.updateDepartment'].input, { code: draft.code, name: draft.name.trim(), outpatient: draft.outpatient }),
  );
}
