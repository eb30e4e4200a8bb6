import { ErrorBanner } from '../../components/ErrorBanner';
import type { DepartmentList, Loaded } from './AdminSection';
import { AddDepartmentForm } from './AddDepartmentForm';
import { Panel } from './Panel';
import { ADMIN_TEXT as T } from './text';

interface DepartmentsPanelProps {
  readonly departments: Loaded<DepartmentList>;
  readonly onCreated: () => void;
}

export function DepartmentsPanel({ departments, onCreated }: DepartmentsPanelProps) {
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

      <AddDepartmentForm onCreated={onCreated} />
    </Panel>
  );
}
