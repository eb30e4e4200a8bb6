import { ROLE_LABELS, ROLES, type Role } from '../../../../shared/permissions';
import type { FieldErrors } from '../../forms/field-errors';
import { CheckboxField, ChoiceGroup } from '../../ui';
import { ADMIN_TEXT as T } from './text';
import { toggle } from './user-form';

interface UserAccessChoicesProps {
  readonly draft: { readonly roles: ReadonlyArray<Role>; readonly departmentCodes: ReadonlyArray<string> };
  readonly errors: FieldErrors;
  readonly edit: (patch: { roles?: ReadonlyArray<Role>; departmentCodes?: ReadonlyArray<string> }, ...fields: string[]) => void;
  /** The departments offered (from `offeredDepartments`). */
  readonly departments: ReadonlyArray<{ readonly code: string; readonly label: string }>;
}

/** 角色 and 所属科室 of an account: what it may do, and where. */
export function UserAccessChoices({ draft, errors, edit, departments }: UserAccessChoicesProps) {
  return (
    <>
      <ChoiceGroup label={T.roles} path="roles" error={errors.roles}>
        {ROLES.map((role) => (
          <CheckboxField
            key={role}
            label={ROLE_LABELS[role]}
            checked={draft.roles.includes(role)}
            onChange={(on) => edit({ roles: toggle(draft.roles, role, on) }, 'roles')}
          />
        ))}
      </ChoiceGroup>
      <ChoiceGroup label={`${T.userDepartments}${T.userDepartmentsNone}`} path="departmentCodes" error={errors.departmentCodes}>
        {departments.map(({ code, label }) => (
          <CheckboxField
            key={code}
            label={label}
            checked={draft.departmentCodes.includes(code)}
            onChange={(on) => edit({ departmentCodes: toggle(draft.departmentCodes, code, on) }, 'departmentCodes')}
          />
        ))}
      </ChoiceGroup>
    </>
  );
}
