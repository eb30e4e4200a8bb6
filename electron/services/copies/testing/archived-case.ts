/**
 * An archived visit written straight into a store (patient 王䶮, visit, note, prescription, archive
 * case), with the note changed once more after archiving, so a copy made from the frozen set can be
 * told from one made from the latest revision.
 */
import type { DocumentStoreApi } from '../../../../db/store/types';
import { EXAMPLE_ARCHIVE_CASE, EXAMPLE_ENCOUNTER, EXAMPLE_OUTPATIENT_NOTE, EXAMPLE_PATIENT, EXAMPLE_PRESCRIPTION } from '../../../../shared/docs/examples';

export const ARCHIVED_COMPLAINT = '头晕 3 天，伴恶心';
export const LATER_COMPLAINT = '归档后才写的内容';

export function writeArchivedCase(
  store: DocumentStoreApi,
  clinicCode: string,
  caseNumber: string,
  patientName = '王䶮',
): { patientId: string; caseNumber: string } {
  const stamp = { clinic_code: clinicCode };
  const patient = { ...EXAMPLE_PATIENT, ...stamp, name: patientName };
  const written = store.bulkDocs([
    patient,
    { ...EXAMPLE_ENCOUNTER, ...stamp, department_code: '03', status: 'completed', completed_at: '2025-03-01T09:00:00.000Z' },
    { ...EXAMPLE_OUTPATIENT_NOTE, ...stamp, department_code: '03', chief_complaint: ARCHIVED_COMPLAINT },
    { ...EXAMPLE_PRESCRIPTION, ...stamp },
  ]);
  for (const w of written) if (!w.ok) throw new Error(`${w.id}: ${w.reason}`);
  const revs = written.map((w) => (w.ok ? w.rev : ''));
  const archive = {
    ...EXAMPLE_ARCHIVE_CASE,
    ...stamp,
    _id: `archive_case:${caseNumber}`,
    caseNumber,
    departmentCode: '03',
    workstationId: caseNumber.split('-').at(-2)!,
    documents: written.slice(1).map((w, i) => ({ id: w.id, rev: revs[i + 1] })),
  };
  const note = store.get(EXAMPLE_OUTPATIENT_NOTE._id)!;
  const after = store.bulkDocs([archive, { ...note, chief_complaint: LATER_COMPLAINT }]);
  for (const w of after) if (!w.ok) throw new Error(`${w.id}: ${w.reason}`);
  return { patientId: patient._id, caseNumber };
}
