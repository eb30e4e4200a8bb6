/**
 * 归档: a graded visit becomes a 病案 under its 病案号, with the exact revisions of its documents
 * frozen, the QC grade it was archived with, and a retention date the projection keeps 15 years
 * after the patient's last visit (AR-08, AR-09). The case is never edited afterwards (AR-04, AR-05).
 */
import { ApiFailure } from '../../../shared/api/errors';
import type { ArchiveCaseDoc, QcGrade } from '../../../shared/docs/archive-case';
import { archiveCaseId } from '../../../shared/docs/ids';
import { clinicDate } from '../../../shared/time/clinic-time';
import { documentStamp, type ClinicData } from '../clinic-data';
import { writeOne } from '../outpatient/records';
import { requireSettings } from '../patients/patient-records';
import type { Actor } from '../sessions';
import { caseCounterName, formatCaseNumber } from './case-number';
import { runChecks } from './checks';
import { clinicZone, queueStateOf, reviewVisit, type QcDeps } from './qc';
import { readVisitRecord, visitDocumentIds } from './visit-record';

/** The revision each document has now: what the case freezes. */
export function freezeRevisions(data: ClinicData, ids: ReadonlyArray<string>): Array<{ id: string; rev: string }> {
  return [...new Set(ids)].map((id) => {
    const doc = data.store.get(id);
    if (!doc) throw new ApiFailure('NOT_FOUND', `病案要包含的记录 ${id} 不存在，不能归档。`);
    return { id, rev: doc._rev };
  });
}

/** Takes the next 病案号 of this workstation (one statement, so two calls never get the same). */
export function nextCaseNumber(data: ClinicData, clinicCode: string, workstation: string, now: Date): string {
  const year = clinicDate(now, clinicZone(data)).slice(0, 4);
  return formatCaseNumber(clinicCode, year, workstation, data.counters.next(caseCounterName(year)));
}

export function archiveVisit(deps: QcDeps, actor: Actor, encounterId: string, now = new Date()): { caseNumber: string; retentionUntil: string } {
  const { data } = deps;
  const settings = requireSettings(data);
  return data.store.transaction(() => {
    if (data.archive.caseOfEncounter(encounterId)) throw new ApiFailure('CONFLICT', '这次就诊已经归档了。');
    const reviews = data.archive.reviewsOf(encounterId);
    const state = queueStateOf(reviews, data.archive.tasksOf(encounterId));
    if (state !== 'ready') throw new ApiFailure('CONFLICT', '这份病历还没有通过质控评定，请先评定（退回整改的，等医生答复后复核）。');
    const record = readVisitRecord(deps, encounterId);
    const failed = runChecks(record, deps.icd, clinicZone(data)).filter((c) => !c.passed);
    if (failed.length > 0) throw new ApiFailure('CONFLICT', `自动检查未通过：${failed.map((c) => c.label).join('、')}。请退回医生整改后再归档。`);
    const review = reviews[reviews.length - 1];
    const caseNumber = nextCaseNumber(data, settings.code, actor.workstation, now);
    const doc: ArchiveCaseDoc = {
      _id: archiveCaseId(caseNumber),
      type: 'archive_case',
      ...documentStamp(settings.code, actor.username, now),
      caseNumber,
      kind: 'visit',
      patientId: record.patient._id,
      encounterId,
      departmentCode: record.encounter.department_code,
      doctorUsername: record.note.doctor_username,
      visitDate: record.visitDate,
      diagnosisCodes: record.content.diagnoses.map((d) => d.code),
      documents: freezeRevisions(data, visitDocumentIds(data, record)),
      qcGrade: review.grade as QcGrade,
      qcReviewId: review.id,
      archivedAt: now.toISOString(),
      archivedBy: actor.username,
      workstationId: actor.workstation,
    };
    writeOne(data, doc);
    const row = data.archive.caseByNumber(caseNumber, { canSeeSealed: true });
    return { caseNumber, retentionUntil: row?.retentionUntil ?? record.visitDate };
  });
}

export interface BulkArchiveItem {
  readonly encounterId: string;
  readonly grade: QcGrade;
}

/**
 * Reviews and archives many graded visits in one go (the benchmark, a backlog carried over from
 * paper): each item gets a passing review and a case; one transaction per item, so a refused one
 * stops nothing else. Returns the 病案号 made and the refusals.
 */
export function archiveMany(
  deps: QcDeps,
  actor: Actor,
  items: ReadonlyArray<BulkArchiveItem>,
): { archived: string[]; refused: Array<{ encounterId: string; message: string }> } {
  const archived: string[] = [];
  const refused: Array<{ encounterId: string; message: string }> = [];
  for (const item of items) {
    try {
      const state = queueStateOf(deps.data.archive.reviewsOf(item.encounterId), deps.data.archive.tasksOf(item.encounterId));
      if (state !== 'ready') reviewVisit(deps, actor, { encounterId: item.encounterId, grade: item.grade, defects: [], remark: '', sendBack: false });
      archived.push(archiveVisit(deps, actor, item.encounterId).caseNumber);
    } catch (error) {
      refused.push({ encounterId: item.encounterId, message: error instanceof Error ? error.message : String(error) });
    }
  }
  return { archived, refused };
}
