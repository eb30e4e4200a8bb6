/**
 * 归档后修改 (AR-05): an archived case is never edited. A document that belongs with it but came
 * later (a lab report, an amendment) joins it only through a change requested with a reason and
 * approved by 医务科; the request and the decision stay with the case.
 */
import { ulid } from 'ulid';
import { ApiFailure } from '../../../shared/api/errors';
import type { ArchiveChangeView } from '../../../shared/api/archive';
import { archiveChangeDoc, type ArchiveChangeDoc } from '../../../shared/docs/archive-change';
import { archiveCaseId } from '../../../shared/docs/ids';
import { documentStamp, type ClinicData } from '../clinic-data';
import { readDocument, writeOne } from '../outpatient/records';
import { requireSettings } from '../patients/patient-records';
import type { Actor } from '../sessions';
import { freezeRevisions } from './archiving';
import type { SealVisibility } from '../../../db/queries/archive-visibility';

export function changeView(doc: ArchiveChangeDoc): ArchiveChangeView {
  return {
    id: doc._id,
    caseNumber: doc.case_number,
    reason: doc.reason,
    status: doc.status,
    requestedBy: doc.requested_by,
    requestedAt: doc.requested_at,
    decidedBy: doc.decided_by,
    decidedAt: doc.decided_at,
    decisionNote: doc.decision_note,
    documents: doc.add_documents.map((d) => d.id),
  };
}

export function changesOf(data: ClinicData, caseNumber: string): ArchiveChangeView[] {
  return data.archive.changesOf(caseNumber).flatMap((row) => {
    const parsed = archiveChangeDoc.safeParse(data.store.get(row.id));
    return parsed.success ? [changeView(parsed.data)] : [];
  });
}

export function requestChange(
  data: ClinicData,
  actor: Actor,
  visibility: SealVisibility,
  input: { caseNumber: string; reason: string; documentIds: ReadonlyArray<string> },
  now = new Date(),
): { changeId: string } {
  const settings = requireSettings(data);
  return data.store.transaction(() => {
    const row = data.archive.caseByNumber(input.caseNumber, visibility);
    if (!row) throw new ApiFailure('NOT_FOUND', `没有找到病案 ${input.caseNumber}。`);
    const archived = new Set(
      readDocument<{ documents: Array<{ id: string }> }>(data, row.docId, 'archive_case', '没有找到这份病案。').documents.map((d) => d.id),
    );
    const already = input.documentIds.filter((id) => archived.has(id));
    if (already.length > 0) throw new ApiFailure('VALIDATION_FAILED', `这些记录已在病案中：${already.join('、')}。`);
    const stamp = documentStamp(settings.code, actor.username, now);
    const change: ArchiveChangeDoc = {
      _id: `archive_change:${ulid(now.getTime())}`,
      type: 'archive_change',
      ...stamp,
      case_id: archiveCaseId(input.caseNumber),
      case_number: input.caseNumber,
      reason: input.reason,
      add_documents: freezeRevisions(data, input.documentIds),
      requested_by: actor.username,
      requested_at: stamp.created_at,
      status: 'requested',
      decided_by: null,
      decided_at: null,
      decision_note: '',
    };
    writeOne(data, archiveChangeDoc.parse(change));
    return { changeId: change._id };
  });
}

export function decideChange(
  data: ClinicData,
  actor: Actor,
  input: { changeId: string; approve: boolean; note: string },
  now = new Date(),
): { changeId: string; status: 'approved' | 'rejected' } {
  return data.store.transaction(() => {
    const change = readDocument<ArchiveChangeDoc>(data, input.changeId, 'archive_change', '没有找到这项归档后修改申请。');
    if (change.status !== 'requested') throw new ApiFailure('CONFLICT', '这项申请已经审批过了。');
    if (change.requested_by === actor.username) throw new ApiFailure('FORBIDDEN', '申请人不能审批自己的申请，请由医务科的另一位同事审批。');
    if (!input.approve && input.note.trim() === '') throw new ApiFailure('VALIDATION_FAILED', '不批准时请写明理由。');
    const at = now.toISOString();
    const status = input.approve ? 'approved' : 'rejected';
    writeOne(data, { ...change, status, decided_by: actor.username, decided_at: at, decision_note: input.note, updated_at: at, updated_by: actor.username });
    return { changeId: change._id, status };
  });
}

export function pendingChanges(data: ClinicData, visibility: SealVisibility): { changes: ArchiveChangeView[] } {
  return {
    changes: data.archive.pendingChanges(visibility).flatMap((row) => {
      const parsed = archiveChangeDoc.safeParse(data.store.get(row.id));
      return parsed.success ? [changeView(parsed.data)] : [];
    }),
  };
}
