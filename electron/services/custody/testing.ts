/**
 * Archived cases written straight into the store for custody's tests: a signable test note and the
 * `archive_case` that freezes it, as archiving would leave them.
 */
import type { DocumentStoreApi } from '../../../db/store/types';
import { EXAMPLE_ARCHIVE_CASE } from '../../../shared/docs/examples';

export const CASE_PATIENT = `patient:h${'a'.repeat(32)}`;

export function writeArchivedCase(store: DocumentStoreApi, caseNumber: string, noteId: string): { noteRev: string } {
  const at = new Date().toISOString();
  const stamp = { schema_version: 1, clinic_code: 'qingshan', created_at: at, created_by: 'li.yisheng', updated_at: at, updated_by: 'li.yisheng' };
  const [note] = store.bulkDocs([
    { _id: noteId, type: 'test_note', ...stamp, patient_id: CASE_PATIENT, complaint: '头晕三天', history: '高血压病史五年', status: 'draft' },
  ]);
  if (!note.ok) throw new Error(note.reason);
  const [archived] = store.bulkDocs([
    {
      ...EXAMPLE_ARCHIVE_CASE,
      ...stamp,
      _id: `archive_case:${caseNumber}`,
      caseNumber,
      workstationId: caseNumber.split('-')[2],
      patientId: CASE_PATIENT,
      encounterId: null,
      kind: 'paper',
      qcReviewId: null,
      documents: [{ id: noteId, rev: note.rev }],
    },
  ]);
  if (!archived.ok) throw new Error(archived.reason);
  return { noteRev: note.rev };
}
