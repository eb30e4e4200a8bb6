import { useClient } from '../../app/client-context';
import { CheckboxField, FieldList, InlineEditor, useEditor } from '../../ui';
import { DEPARTMENT_NAME_FIELD } from './department-fields';
import { checkDepartmentEdit, departmentEditDraft, toDepartmentUpdate, type DepartmentView } from './department-form';
import type { RowEditorProps } from './use-row-actions';
import { ADMIN_TEXT as T } from './text';

/** 修改: a department's name and whether it takes outpatients (the code stays: records refer to it). */
export function DepartmentEditor({ row: department, onDone, onCancel }: RowEditorProps<DepartmentView>) {
  const client = useClient();
  const editor = useEditor({
    initial: departmentEditDraft(department),
    check: checkDepartmentEdit,
    save: (draft) => {
      const change = toDepartmentUpdate(department, draft);
      return change && client.api.admin.updateDepartment(change);
    },
    savedMessage: (saved) => T.departmentSaved(saved.name, saved.code),
    onDone,
    onCancel,
  });

  return (
    <InlineEditor name="edit-department" title={T.editDepartmentTitle(department.name, department.code)} editor={editor}>
      <FieldList
        draft={editor.draft}
        errors={editor.errors}
        onChange={editor.edit}
        fields={[{ ...DEPARTMENT_NAME_FIELD, className: 'max-w-xs' }]}
        className="grid gap-3"
      />
      <CheckboxField label={T.outpatient} {...editor.flag('outpatient')} />
    </InlineEditor>
  );
}
