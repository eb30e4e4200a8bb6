import { useClient } from '../../app/client-context';
import { CheckboxField, InlineEditor, TextField, useEditor } from '../../ui';
import { checkDepartmentEdit, departmentEditDraft, toDepartmentUpdate, type DepartmentView } from './department-form';
import { ADMIN_TEXT as T } from './text';

interface DepartmentEditorProps {
  readonly department: DepartmentView;
  readonly onDone: (notice: string) => void;
  readonly onCancel: () => void;
}

/** 修改: a department's name and whether it takes outpatients (the code stays: records refer to it). */
export function DepartmentEditor({ department, onDone, onCancel }: DepartmentEditorProps) {
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
  const { draft, errors, edit } = editor;

  return (
    <InlineEditor name="edit-department" title={T.editDepartmentTitle(department.name, department.code)} editor={editor}>
      <TextField
        label={T.departmentName}
        path="name"
        value={draft.name}
        onChange={(name) => edit({ name }, 'name')}
        error={errors.name}
        maxLength={30}
        autoComplete="off"
        className="max-w-xs"
      />
      <CheckboxField label={T.outpatient} path="outpatient" checked={draft.outpatient} onChange={(outpatient) => edit({ outpatient }, 'outpatient')} />
    </InlineEditor>
  );
}
