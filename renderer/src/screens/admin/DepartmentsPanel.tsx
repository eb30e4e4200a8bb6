import { useClient } from '../../app/client-context';
import { Button } from '../../components/Button';
import { CheckboxField } from '../../components/CheckboxField';
import { ErrorBanner } from '../../components/ErrorBanner';
import { KeyboardForm } from '../../components/KeyboardForm';
import { Notice } from '../../components/Notice';
import { TextField } from '../../components/TextField';
import type { DepartmentList, Loaded } from './AdminSection';
import { checkDepartment, EMPTY_DEPARTMENT, toDepartmentInput, type DepartmentDraft } from './department-form';
import { Panel } from './Panel';
import { useCreateForm } from './use-create-form';
import { ADMIN_TEXT as T } from './text';

interface DepartmentsPanelProps {
  readonly departments: Loaded<DepartmentList>;
  readonly onCreated: () => void;
}

export function DepartmentsPanel({ departments, onCreated }: DepartmentsPanelProps) {
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
    <Panel title={T.departments} testId="departments-panel">
      <ErrorBanner error={departments.error} />
      <table className="w-full text-left" data-testid="departments-table">
        <thead className="border-b border-slate-200 text-sm text-slate-500">
          <tr>
            <th className="py-1.5 font-normal">{T.departmentCode}</th>
            <th className="py-1.5 font-normal">{T.departmentName}</th>
            <th className="py-1.5 font-normal">{T.outpatient}</th>
            <th className="py-1.5 font-normal">{T.active}</th>
          </tr>
        </thead>
        <tbody>
          {departments.items === null ? (
            <tr>
              <td colSpan={4} className="py-2 text-slate-500">
                {departments.error ? '' : T.loading}
              </td>
            </tr>
          ) : departments.items.length === 0 ? (
            <tr>
              <td colSpan={4} className="py-2 text-slate-500">
                {T.empty}
              </td>
            </tr>
          ) : (
            departments.items.map((department) => (
              <tr key={department.code} data-department-code={department.code} className="border-b border-slate-100">
                <td className="py-1.5 font-mono">{department.code}</td>
                <td className="py-1.5">{department.name}</td>
                <td className="py-1.5">{department.outpatient ? T.yes : T.no}</td>
                <td className="py-1.5">{department.active ? T.activeYes : T.activeNo}</td>
              </tr>
            ))
          )}
        </tbody>
      </table>

      <KeyboardForm
        ref={formRef}
                aria-label={T.addDepartment}
        onSubmit={() => void submit()}
        className="grid gap-3 rounded-md border border-slate-200 bg-slate-50 p-4"
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
    </Panel>
  );
}
