import { useClient } from '../../app/client-context';
import type { Column } from '../../ui';
import type { DepartmentList, Loaded, UserList } from './admin-state';
import { AddDepartmentForm } from './AddDepartmentForm';
import { AdminListPanel } from './AdminListPanel';
import { DepartmentEditor } from './DepartmentEditor';
import type { DepartmentView } from './department-form';
import { StopDepartmentQuestion } from './StopDepartmentQuestion';
import { ADMIN_TEXT as T } from './text';
import { useRowActions } from './use-row-actions';

interface DepartmentsPanelProps {
  readonly departments: Loaded<DepartmentList>;
  /** The staff, to name those who belong to a department about to be stopped. */
  readonly users: UserList;
  /** A department was added or changed: read the list again. */
  readonly onChanged: () => void;
}

const COLUMNS: ReadonlyArray<Column<DepartmentView>> = [
  { key: 'code', header: T.departmentCode, width: '6rem', cell: (d) => d.code, sortValue: (d) => d.code, className: 'font-mono' },
  { key: 'name', header: T.departmentName, cell: (d) => d.name, sortValue: (d) => d.name, fullText: (d) => d.name },
  { key: 'outpatient', header: T.outpatient, width: '5.5rem', cell: (d) => (d.outpatient ? T.yes : T.no) },
];

export function DepartmentsPanel({ departments, users, onChanged }: DepartmentsPanelProps) {
  const client = useClient();
  const actions = useRowActions<'edit' | 'stop'>(onChanged);

  // Stopping asks first (who is waiting there, who belongs to it); starting again is one click.
  const toggleActive = (department: DepartmentView, button: HTMLElement) =>
    department.active
      ? actions.openEditor(department.code, 'stop', button)
      : void actions.run(
          department.code,
          () => client.api.admin.updateDepartment({ code: department.code, active: true }),
          (saved) => T.departmentStarted(saved.name, saved.code),
        );

  return (
    <AdminListPanel
      title={T.departments}
      testId="departments"
      list={departments}
      actions={actions}
      columns={COLUMNS}
      rowKey={(department) => department.code}
      rowData={(department) => ({ 'data-department-code': department.code, 'data-active': String(department.active) })}
      editors={[
        { kind: 'edit', label: T.edit, render: (props) => <DepartmentEditor {...props} /> },
        { kind: 'stop', label: null, render: (props) => <StopDepartmentQuestion {...props} users={users} /> },
      ]}
      onToggleActive={toggleActive}
      actionsWidth="9rem"
    >
      <AddDepartmentForm onCreated={onChanged} />
    </AdminListPanel>
  );
}
