import { useRef } from 'react';
import { fieldErrorsUnder } from '../../forms/field-errors';
import { Button } from '../../ui';
import type { StepProps } from './step-props';
import { SETUP_TEXT as T } from './text';
import { addDepartmentRow, removeDepartmentRow, updateDepartmentRow, type DepartmentRow } from './wizard-draft';

const CELL_INPUT = 'w-full rounded-md border bg-surface px-2 py-1.5 outline-none focus:ring-2';

export function DepartmentsStep({ draft, errors, onChange }: StepProps) {
  const tableRef = useRef<HTMLTableSectionElement>(null);
  const listError = fieldErrorsUnder(errors, 'departments')[''];

  const addRow = () => {
    onChange(addDepartmentRow(draft), 'departments');
    // Focus the new row's code once React has drawn it.
    requestAnimationFrame(() => tableRef.current?.querySelector<HTMLInputElement>('tr:last-child input')?.focus());
  };

  return (
    <div className="grid gap-4">
      <p className="text-ink-soft">{T.departmentsIntro}</p>
      <table className="w-full border-separate border-spacing-y-1">
        <thead>
          <tr className="text-left text-sm text-ink-soft">
            <th className="w-10 font-normal" />
            <th className="w-40 font-normal">{T.departmentCode}</th>
            <th className="font-normal">{T.departmentName}</th>
            <th className="w-28 font-normal" title={T.outpatientHint}>
              {T.outpatient}
            </th>
            <th className="w-20" />
          </tr>
        </thead>
        <tbody ref={tableRef}>
          {draft.departments.map((row, index) => (
            <DepartmentRowView
              key={row.key}
              row={row}
              index={index}
              errors={fieldErrorsUnder(errors, `departments.${index}`)}
              onEdit={(patch, field) => onChange(updateDepartmentRow(draft, row.key, patch), `departments.${index}.${field}`, 'departments')}
              onRemove={() => onChange(removeDepartmentRow(draft, row.key), 'departments')}
            />
          ))}
        </tbody>
      </table>
      {listError && (
        <p data-error-for="departments" className="text-sm text-danger">
          {listError}
        </p>
      )}
      <div>
        <Button onClick={addRow}>＋ {T.addDepartment}</Button>
      </div>
    </div>
  );
}

interface RowProps {
  readonly row: DepartmentRow;
  readonly index: number;
  readonly errors: Readonly<Record<string, string>>;
  readonly onEdit: (patch: Partial<Omit<DepartmentRow, 'key'>>, field: 'code' | 'name' | 'outpatient') => void;
  readonly onRemove: () => void;
}

function DepartmentRowView({ row, index, errors, onEdit, onRemove }: RowProps) {
  const rowLabel = T.rowLabel(index + 1);
  const inputClass = (error: string | undefined) =>
    `${CELL_INPUT} ${error ? 'border-danger-edge focus:ring-danger-line' : 'border-border focus:border-primary-bright focus:ring-primary-tint'}`;
  return (
    <tr data-department-row={index} className="align-top">
      <td className="pt-2 text-sm text-muted">{index + 1}</td>
      <td data-field={`departments.${index}.code`} className="pr-2">
        <input
          aria-label={`${rowLabel}${T.departmentCode}`}
          value={row.code}
          onChange={(event) => onEdit({ code: event.target.value }, 'code')}
          aria-invalid={errors.code ? true : undefined}
          maxLength={20}
          spellCheck={false}
          className={inputClass(errors.code)}
        />
        {errors.code && (
          <p data-error-for={`departments.${index}.code`} className="mt-1 text-sm text-danger">
            {errors.code}
          </p>
        )}
      </td>
      <td data-field={`departments.${index}.name`} className="pr-2">
        <input
          aria-label={`${rowLabel}${T.departmentName}`}
          value={row.name}
          onChange={(event) => onEdit({ name: event.target.value }, 'name')}
          aria-invalid={errors.name ? true : undefined}
          maxLength={30}
          className={inputClass(errors.name)}
        />
        {errors.name && (
          <p data-error-for={`departments.${index}.name`} className="mt-1 text-sm text-danger">
            {errors.name}
          </p>
        )}
      </td>
      <td className="pt-2">
        <input
          type="checkbox"
          aria-label={`${rowLabel}${T.outpatient}`}
          checked={row.outpatient}
          onChange={(event) => onEdit({ outpatient: event.target.checked }, 'outpatient')}
          className="size-4 accent-primary"
        />
      </td>
      <td>
        <Button tone="danger" className="px-3 py-1.5 text-sm" onClick={onRemove} aria-label={`${T.removeDepartment}${rowLabel}`}>
          {T.removeDepartment}
        </Button>
      </td>
    </tr>
  );
}
