import { useClient } from '../../app/client-context';
import { fieldErrorsOf } from '../../forms/field-errors';
import { DataTable, ErrorBanner, Notice, Panel, RowButton, type Column } from '../../ui';
import type { DepartmentList, Loaded } from './AdminSection';
import { AddDepartmentForm } from './AddDepartmentForm';
import { DepartmentEditor } from './DepartmentEditor';
import type { DepartmentView } from './department-form';
import { ADMIN_TEXT as T } from './text';
import { useRowActions } from './use-row-actions';

interface DepartmentsPanelProps {
  readonly departments: Loaded<DepartmentList>;
  /** A department was added or changed: read the list again. */
  readonly onChanged: () => void;
}

export function DepartmentsPanel({ departments, onChanged }: DepartmentsPanelProps) {
  const client = useClient();
  const actions = useRowActions<'edit'>(onChanged);
  const activeError = actions.failed ? fieldErrorsOf(actions.failed.error).active : undefined;

  const toggleActive = (department: DepartmentView) =>
    void actions.run(
      department.code,
      () => client.api.admin.updateDepartment({ code: department.code, active: !department.active }),
      (saved) => (saved.active ? T.departmentStarted : T.departmentStopped)(saved.name, saved.code),
    );

  const columns: ReadonlyArray<Column<DepartmentView>> = [
    { key: 'code', header: T.departmentCode, width: '6rem', cell: (d) => d.code, sortValue: (d) => d.code, className: 'font-mono' },
    { key: 'name', header: T.departmentName, cell: (d) => d.name, sortValue: (d) => d.name, fullText: (d) => d.name },
    { key: 'outpatient', header: T.outpatient, width: '5.5rem', cell: (d) => (d.outpatient ? T.yes : T.no) },
    { key: 'active', header: T.active, width: '5rem', cell: (d) => (d.active ? T.activeYes : T.activeNo), sortValue: (d) => (d.active ? 0 : 1) },
    {
      key: 'actions',
      header: T.actions,
      width: '9rem',
      cell: (department) => (
        <>
          <div className="flex flex-wrap gap-1.5">
            <RowButton action="edit" onClick={(event) => actions.openEditor(department.code, 'edit', event.currentTarget)}>
              {T.edit}
            </RowButton>
            <RowButton action="toggle-active" danger={department.active} aria-busy={actions.busy === department.code} onClick={() => toggleActive(department)}>
              {department.active ? T.stop : T.start}
            </RowButton>
          </div>
          {activeError && actions.failed?.key === department.code && (
            <p data-error-for="active" className="mt-1 text-sm text-danger">
              {activeError}
            </p>
          )}
        </>
      ),
    },
  ];

  return (
    <Panel title={T.departments} testId="departments-panel">
      <ErrorBanner error={departments.error} />
      {actions.notice && (
        <div data-notice="change">
          <Notice>{actions.notice}</Notice>
        </div>
      )}
      <ErrorBanner error={actions.failed && !activeError ? actions.failed.error : null} onDismiss={actions.dismissFailure} />
      <DataTable
        label={T.departments}
        testId="departments-table"
        columns={columns}
        rows={departments.items}
        rowKey={(department) => department.code}
        rowData={(department) => ({ 'data-department-code': department.code, 'data-active': String(department.active) })}
        rowClassName={(department) => (department.active ? '' : 'text-faint')}
        detail={(department) =>
          actions.open?.key === department.code && <DepartmentEditor department={department} onDone={actions.done} onCancel={actions.cancel} />
        }
        loadingText={departments.error ? '' : T.loading}
        emptyText={T.empty}
        dense
      />

      <AddDepartmentForm onCreated={onChanged} />
    </Panel>
  );
}
