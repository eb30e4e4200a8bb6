import type { ProjectionTx } from './types';

/** Outpatient records are kept at least 15 years from the patient's last visit (REGULATIONS.md AR-08). */
export const RETENTION_YEARS = 15;

/**
 * Moves the retention date of every archived case of a patient to 15 years after the patient's
 * latest visit (a cancelled registration is no visit), or after the case's own visit when it is
 * the later one (a paper record of an older visit, or a visit not yet replicated). Called whenever
 * a case or one of the patient's visits is projected, so a new visit moves the date on (AR-09).
 * Nothing ever reads the date to destroy a record.
 */
export function refreshRetention(tx: ProjectionTx, patientId: string): void {
  tx.prepared('archive.retention', () =>
    tx.sqlite.prepare<[string]>(
      `UPDATE archive_cases
          SET retention_until = date(max(visit_date, coalesce((
                SELECT max(e.visit_date) FROM encounters e WHERE e.patient_id = archive_cases.patient_id AND e.status <> 'cancelled'
              ), visit_date)), '+${RETENTION_YEARS} years')
        WHERE patient_id = ?`,
    ),
  ).run(patientId);
}
