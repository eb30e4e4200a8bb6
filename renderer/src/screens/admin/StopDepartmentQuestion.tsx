import { useEffect, useState } from 'react';
import type { ApiError } from '../../../../shared/api';
import { useClient } from '../../app/client-context';
import { Confirm, ErrorBanner } from '../../ui';
import type { UserList } from './admin-state';
import type { DepartmentView } from './department-form';
import { stopConcerns, type StopConcerns } from './department-stop';
import { ADMIN_TEXT as T } from './text';
import type { RowEditorProps } from './use-row-actions';

/**
 * 停用科室 asks first, naming the patients waiting there today and the staff who belong to it, and
 * says what becomes of them: today's visits stay (seen or cancelled as usual), the staff keep their
 * accounts and their department; only registration no longer offers it.
 */
export function StopDepartmentQuestion({ row: department, users, onDone, onCancel }: RowEditorProps<DepartmentView> & { readonly users: UserList }) {
  const client = useClient();
  const [concerns, setConcerns] = useState<StopConcerns | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let current = true;
    void client.api.visits.listToday({ departmentCode: department.code }).then((result) => {
      if (!current) return;
      if (result.ok) setConcerns(stopConcerns(department.code, result.value.visits, users));
      else setError(result.error);
    });
    return () => {
      current = false;
    };
  }, [client, department.code, users]);

  const stop = async () => {
    setBusy(true);
    const result = await client.api.admin.updateDepartment({ code: department.code, active: false });
    setBusy(false);
    if (result.ok) onDone(T.departmentStopped(result.value.name, result.value.code));
    else setError(result.error);
  };

  // The question appears once it can name who it concerns (the cursor then starts on 确定停用).
  if (concerns === null && error === null) return <p className="my-2 text-muted">{T.loading}</p>;
  return (
    <div className="my-2" data-form="stop-department">
      <Confirm
        title={T.stopDepartmentTitle(department.name, department.code)}
        confirmLabel={T.stopDepartmentConfirm}
        busy={busy}
        busyLabel={T.saving}
        onConfirm={() => void stop()}
        onCancel={onCancel}
        tone="warning"
      >
        <ErrorBanner error={error} />
        {concerns && (
          <>
            <p data-stop="patients">{concerns.patients.length === 0 ? T.stopNoPatients : T.stopPatients(concerns.patients)}</p>
            <p data-stop="staff">{concerns.staff.length === 0 ? T.stopNoStaff : T.stopStaff(concerns.staff)}</p>
            <p>{T.stopAfter}</p>
          </>
        )}
      </Confirm>
    </div>
  );
}
