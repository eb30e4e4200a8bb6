/**
 * A case's frozen document set: every revision the case was archived with, plus those added later
 * by a change 医务科 approved (AR-05), each read at exactly that revision. The copy desk and the
 * sealing desk build on this, so what they print or seal is what was archived, not what a record
 * says today.
 */
import { archiveCaseDoc, type ArchiveCaseDoc } from '../../../shared/docs/archive-case';
import { archiveChangeDoc } from '../../../shared/docs/archive-change';
import { archiveCaseId } from '../../../shared/docs/ids';
import type { DocumentStoreApi, StoredDocument } from '../../../db/store/types';

export interface CaseDocument {
  readonly id: string;
  readonly rev: string;
  /** The body of that revision; null when this PC does not have it (not replicated yet). */
  readonly body: StoredDocument | null;
  /** The approved change that added it, or null for a document archived with the case. */
  readonly addedByChange: string | null;
}

export interface CaseDocuments {
  readonly archiveCase: ArchiveCaseDoc;
  readonly documents: ReadonlyArray<CaseDocument>;
}

/** The approved `archive_change` documents of a case, oldest first. */
export function approvedChanges(store: DocumentStoreApi, changeIds: ReadonlyArray<string>) {
  return changeIds.flatMap((id) => {
    const parsed = archiveChangeDoc.safeParse(store.get(id));
    return parsed.success && parsed.data.status === 'approved' ? [parsed.data] : [];
  });
}

/**
 * The case `caseNumber` and its documents at their frozen revisions; null when there is no such
 * case. `changeIds`: the case's change documents (from the archive_changes projection); without
 * them only what was archived is returned.
 */
export function loadCaseDocuments(store: DocumentStoreApi, caseNumber: string, changeIds: ReadonlyArray<string> = []): CaseDocuments | null {
  const parsed = archiveCaseDoc.safeParse(store.get(archiveCaseId(caseNumber)));
  if (!parsed.success) return null;
  const read = (id: string, rev: string, addedByChange: string | null): CaseDocument => ({ id, rev, body: store.get(id, { rev }), addedByChange });
  const archived = parsed.data.documents.map((d) => read(d.id, d.rev, null));
  const added = approvedChanges(store, changeIds).flatMap((change) => change.add_documents.map((d) => read(d.id, d.rev, change._id)));
  return { archiveCase: parsed.data, documents: [...archived, ...added] };
}
