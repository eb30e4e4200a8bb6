import type { ListedField } from '../../ui';
import type { DepartmentDraft } from './department-form';
import { ADMIN_TEXT as T } from './text';

/** 科室编码: only when the department is added (records refer to it, so it never changes). */
export const DEPARTMENT_CODE_FIELD: ListedField<DepartmentDraft> = {
  name: 'code',
  label: T.departmentCode,
  hint: T.departmentCodeHint,
  input: { maxLength: 20, spellCheck: false, autoComplete: 'off' },
};

export const DEPARTMENT_NAME_FIELD: ListedField<DepartmentDraft> = { name: 'name', label: T.departmentName, input: { maxLength: 30, autoComplete: 'off' } };
