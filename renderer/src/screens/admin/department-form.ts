import { contract, type InputOf } from '../../../../shared/api';
import { checkWithSchema } from '../../forms/check-with-schema';
import { mergeFieldErrors, type FieldErrors } from '../../forms/field-errors';
import { ADMIN_TEXT as T } from './text';

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
