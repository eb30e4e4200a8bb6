import type { CopyRequestView, CopyVerdictView, DisclosureView } from '../../../shared/api/copies';
import type { CopyRequestDoc, DisclosureDoc } from '../../../shared/docs';
import { COPY_STATUS_HEADLINES, type CopyVerdict } from '../../print/certified-copy/verify';

export function copyRequestView(doc: CopyRequestDoc & { _rev: string }, patientName: string): CopyRequestView {
  return {
    id: doc._id,
    rev: doc._rev,
    patientId: doc.patient_id,
    patientName,
    caseNumbers: doc.case_numbers,
    applicant: doc.applicant,
    purpose: doc.purpose,
    documentsSeen: doc.documents_seen,
    parts: doc.parts,
    status: doc.status,
    requestedAt: doc.created_at,
    requestedBy: doc.created_by,
    decidedBy: doc.decided_by ?? null,
    decisionNote: doc.decision_note ?? null,
    disclosureId: doc.disclosure_id ?? null,
  };
}

export function disclosureView(doc: DisclosureDoc): DisclosureView {
  return {
    id: doc._id,
    patientId: doc.patient_id,
    caseNumbers: doc.case_numbers,
    applicantKind: doc.applicant.kind,
    applicantName: doc.applicant.name,
    purpose: doc.purpose,
    pages: doc.pages,
    printedAt: doc.printed_at,
    printedBy: doc.printed_by.display_name,
  };
}

export function verdictView(verdict: CopyVerdict): CopyVerdictView {
  return {
    status: verdict.status,
    headline: COPY_STATUS_HEADLINES[verdict.status],
    reason: verdict.reason,
    copyId: verdict.copyId,
    disclosure: verdict.disclosure ? disclosureView(verdict.disclosure) : null,
  };
}
