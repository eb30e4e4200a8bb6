/**
 * What custody needs to know of an archived case: that it exists, whose it is, and its frozen
 * document set (the archive_case document's `documents`: the exact revisions archived).
 */
import type { DocumentStoreApi } from '../../../db/store/types';

export interface ArchivedCase {
  readonly caseNumber: string;
  readonly docId: string;
  readonly patientId: string;
  /** The archived revisions, the case document itself not included. */
  readonly documents: ReadonlyArray<{ readonly id: string; readonly rev: string }>;
}

export interface CaseSource {
  caseOf(caseNumber: string): ArchivedCase | null;
}

const field = (body: Readonly<Record<string, unknown>>, camel: string, snake: string): unknown => body[camel] ?? body[snake];

/** Reads `archive_case:<病案号>` from the store. */
export function storeCaseSource(store: DocumentStoreApi): CaseSource {
  return {
    caseOf(caseNumber) {
      const docId = `archive_case:${caseNumber}`;
      const doc = store.get(docId);
      if (!doc || doc.type !== 'archive_case') return null;
      const patientId = field(doc, 'patientId', 'patient_id');
      const documents = field(doc, 'documents', 'documents');
      return {
        caseNumber,
        docId,
        patientId: typeof patientId === 'string' ? patientId : '',
        documents: Array.isArray(documents)
          ? documents.filter((d): d is { id: string; rev: string } => typeof d?.id === 'string' && typeof d?.rev === 'string')
          : [],
      };
    },
  };
}
