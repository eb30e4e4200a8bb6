import { useClient } from '../../app/client-context';
import { Button, CheckboxField, ErrorBanner, KeyboardForm, Notice, TextField, useCreateForm } from '../../ui';
import { checkDepartment, EMPTY_DEPARTMENT, toDepartmentInput, type DepartmentDraft } from './department-form';
import { ADMIN_TEXT as T } from './text';

/** 新增科室: the form under the departments list. */
export function AddDepartmentForm({ onCreated }: { readonly onCreated: () => void }) {
  const client = useClient();
  const { draft, errors, error, dismissError, added, saving, formRef, edit, submit } = useCreateForm({
    empty: EMPTY_DEPARTMENT,
    check: checkDepartment,
    save: (d: DepartmentDraft) => client.api.admin.createDepartment(toDepartmentInput(d)),
    codeField: 'code',
    addedMessage: (created) => T.departmentAdded(created.name, created.code),
    onCreated,
  });

  return (
    <KeyboardForm
      ref={formRef}
      data-form="add"
      aria-label={T.addDepartment}
      onSubmit={() => void submit()}
      className="grid gap-3 rounded-md border border-border-soft bg-surface-muted p-4"
    >
      <h3 className="font-semibold">{T.addDepartment}</h3>
      {added && <Notice>{added}</Notice>}
      <ErrorBanner error={error} onDismiss={dismissError} />
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField
          label={T.departmentCode}
          path="code"
          value={draft.code}
          onChange={(code) => edit({ code }, 'code')}
          error={errors.code}
          hint={T.departmentCodeHint}
          maxLength={20}
          spellCheck={false}
          autoComplete="off"
        />
        <TextField
          label={T.departmentName}
          path="name"
          value={draft.name}
          onChange={(name) => edit({ name }, 'name')}
          error={errors.name}
          maxLength={30}
          autoComplete="off"
        />
      </div>
      <div className="flex items-center gap-4">
        <CheckboxField label={T.outpatient} path="outpatient" checked={draft.outpatient} onChange={(outpatient) => edit({ outpatient }, 'outpatient')} />
        <span className="flex-1" />
        <Button tone="primary" type="submit" disabled={saving}>
          {saving ? T.saving : T.addDepartment}
        </Button>
      </div>
    </KeyboardForm>
  );
}
