import { useCallback, useEffect, useState } from 'react';
import type { ApiError, OutputOf } from '../../../../../shared/api';
import { PRESCRIBER_GRADE_LABELS, PRESCRIBER_GRADES, type PrescriberGrade } from '../../../../../shared/codes';
import { useClient } from '../../../app/client-context';
import { DataTable, ErrorBanner, Notice, Panel, type Column } from '../../../ui';
import { DICTIONARY_TEXT as T } from './text';

type DoctorGrade = OutputOf<'users.antibioticGrades'>[number];

const GRADE_OPTIONS = PRESCRIBER_GRADES.map((value) => ({ value, label: PRESCRIBER_GRADE_LABELS[value] }));

/** 管理 → 医生的抗菌药物处方权: one drop-down per doctor, saved when changed. */
export function AntibioticGradesPanel() {
  const client = useClient();
  const [doctors, setDoctors] = useState<ReadonlyArray<DoctorGrade> | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const load = useCallback(async () => {
    const result = await client.api.users.antibioticGrades({});
    if (result.ok) setDoctors(result.value);
    else setError(result.error);
  }, [client]);
  useEffect(() => void load(), [load]);

  const change = async (doctor: DoctorGrade, grade: PrescriberGrade) => {
    setError(null);
    const result = await client.api.users.setAntibioticGrade({ username: doctor.username, grade });
    if (!result.ok) {
      setError(result.error);
      return;
    }
    setNotice(T.gradeSaved(doctor.displayName, PRESCRIBER_GRADE_LABELS[grade]));
    void load();
  };

  const columns: ReadonlyArray<Column<DoctorGrade>> = [
    { key: 'name', header: T.doctor, cell: (d) => `${d.displayName}（${d.username}）`, sortValue: (d) => d.username },
    {
      key: 'grade',
      header: T.grade,
      width: '14rem',
      cell: (d) => (
        <select
          aria-label={`${d.displayName} ${T.grade}`}
          data-grade-for={d.username}
          value={d.grade}
          onChange={(event) => void change(d, event.target.value as PrescriberGrade)}
          className="rounded-md border border-border bg-surface px-2 py-1"
        >
          {GRADE_OPTIONS.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      ),
    },
  ];

  return (
    <Panel title={T.gradesTitle} testId="antibiotic-grades-panel">
      <p className="text-sm text-muted">{T.gradesExplain}</p>
      <ErrorBanner error={error} />
      {notice && <Notice>{notice}</Notice>}
      <DataTable label={T.gradesTitle} columns={columns} rows={doctors} rowKey={(d) => d.username} loadingText={T.loading} emptyText={T.noDoctors} dense />
    </Panel>
  );
}
