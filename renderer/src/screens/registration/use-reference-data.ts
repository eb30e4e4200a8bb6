import { useEffect, useState } from 'react';
import type { ApiError, OutputOf } from '../../../../shared/api';
import { useClient } from '../../app/client-context';

export interface ReferenceData {
  readonly departments: OutputOf<'admin.listDepartments'>;
  readonly feeCategories: OutputOf<'clinic.feeCategories'>;
  readonly codeSets: OutputOf<'clinic.codeSets'> | null;
  readonly doctors: OutputOf<'clinic.doctors'>;
  readonly clinicDivisionCode: string | null;
  /** The first failure, shown once above the form; the screen still works with what did load. */
  readonly error: ApiError | null;
}

const EMPTY: ReferenceData = { departments: [], feeCategories: [], codeSets: null, doctors: [], clinicDivisionCode: null, error: null };

/** The lists the registration form chooses from, read once when the screen opens. */
export function useReferenceData(): ReferenceData {
  const client = useClient();
  const [data, setData] = useState<ReferenceData>(EMPTY);

  useEffect(() => {
    let current = true;
    void (async () => {
      const [departments, feeCategories, codeSets, doctors, divisions] = await Promise.all([
        client.api.admin.listDepartments({ outpatientOnly: true }),
        client.api.clinic.feeCategories({}),
        client.api.clinic.codeSets({}),
        client.api.clinic.doctors({}),
        client.api.clinic.divisions({ parentCode: '' }),
      ]);
      if (!current) return;
      const firstError = [departments, feeCategories, codeSets, doctors, divisions].find((r) => !r.ok);
      setData({
        departments: departments.ok ? departments.value.filter((d) => d.active) : [],
        feeCategories: feeCategories.ok ? feeCategories.value : [],
        codeSets: codeSets.ok ? codeSets.value : null,
        doctors: doctors.ok ? doctors.value : [],
        clinicDivisionCode: divisions.ok ? divisions.value.clinicDivisionCode : null,
        error: firstError && !firstError.ok ? firstError.error : null,
      });
    })();
    return () => {
      current = false;
    };
  }, [client]);

  return data;
}
