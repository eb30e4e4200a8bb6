import { useClient } from '../../app/client-context';
import { AddForm, CheckboxField, FieldList, useCreateForm } from '../../ui';
import { DEPARTMENT_CODE_FIELD, DEPARTMENT_NAME_FIELD } from './department-fields';
import { checkDepartment, EMPTY_DEPARTMENT, toDepartmentInput, type DepartmentDraft } from './department-form';
import { ADMIN_TEXT as T } from './text';

/** 新增科室: the form under the departments list. */
export function AddDepartmentForm({ onCreated }: { readonly onCreated: () => void }) {
  const client = useClient();
  const form = useCreateForm({
    empty: EMPTY_DEPARTMENT,
    check: checkDepartment,
    save: (d: DepartmentDraft) => client.api.admin.createDepartment(toDepartmentInput(d)),
    codeField: 'code',
    addedMessage: (created) => T.departmentAdded(created.name, created.code),
    onCreated,
  });

  return (
    <AddForm title={T.addDepartment} form={form}>
      <FieldList
        draft={form.draft}
        errors={form.errors}
        onChange={form.edit}
        fields={[DEPARTMENT_CODE_FIELD, DEPARTMENT_NAME_FIELD]}
        className="grid gap-3 sm:grid-cols-2"
      />
      <CheckboxField label={T.outpatient} {...form.flag('outpatient')} />
    </AddForm>
  );
}
