import { Fragment } from 'react';
import { useClient } from '../../app/client-context';
import { fieldErrorsOf } from '../../forms/field-errors';
import { EditorRow, ErrorBanner, Notice, Panel, RowButton } from '../../ui';
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

const COLUMNS = 5;

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

  return (
    <Panel title={T.departments} testId="departments-panel">
      <ErrorBanner error={departments.error} />
      {actions.notice && (
        <div data-notice="change">
          <Notice>{actions.notice}</Notice>
        </div>
      )}
      <ErrorBanner error={actions.failed && !activeError ? actions.failed.error : null} onDismiss={actions.dismissFailure} />
      <table className="w-full text-left" data-testid="departments-table">
        <thead className="border-b border-border-soft text-sm text-muted">
          <tr>
            <th className="py-1.5 font-normal">{T.departmentCode}</th>
            <th className="py-1.5 font-normal">{T.departmentName}</th>
            <th className="py-1.5 font-normal">{T.outpatient}</th>
            <th className="py-1.5 font-normal">{T.active}</th>
            <th className="py-1.5 font-normal">{T.actions}</th>
          </tr>
        </thead>
        <tbody>
          {departments.items === null ? (
            <tr>
              <td colSpan={COLUMNS} className="py-2 text-muted">
                {departments.error ? '' : T.loading}
              </td>
            </tr>
          ) : departments.items.length === 0 ? (
            <tr>
              <td colSpan={COLUMNS} className="py-2 text-muted">
                {T.empty}
              </td>
            </tr>
          ) : (
            departments.items.map((department) => (
              <Fragment key={department.code}>
                <tr
                  data-department-code={department.code}
                  data-active={String(department.active)}
                  className={`border-b border-divider ${department.active ? '' : 'text-faint'}`}
                >
                  <td className="py-1.5 font-mono">{department.code}</td>
                  <td className="py-1.5">{department.name}</td>
                  <td className="py-1.5">{department.outpatient ? T.yes : T.no}</td>
                  <td className="py-1.5">{department.active ? T.activeYes : T.activeNo}</td>
                  <td className="py-1.5">
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
                  </td>
                </tr>
                {actions.open?.key === department.code && (
                  <EditorRow columns={COLUMNS}>
                    <DepartmentEditor department={department} onDone={actions.done} onCancel={actions.cancel} />
                  </EditorRow>
                )}
              </Fragment>
            ))
          )}
        </tbody>
      </table>

      <AddDepartmentForm onCreated={onChanged} />
    </Panel>
  );
}
