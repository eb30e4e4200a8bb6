/**
 * 复印 at the record room (REGULATIONS.md AR-16–AR-25, AC-03, AC-04): a request is registered only
 * with the documents its applicant must bring; 医务科 approves or refuses it; the approved request is
 * printed as a certified copy of the cases' archived revisions, and the disclosure-log entry and the
 * request's `copied` state are written in one transaction. The log entry is immutable `always`.
 */
import { monotonicFactory } from 'ulid';
import type { DocumentStoreApi, StoredDocument } from '../../../db/store/types';
import { ApiFailure, type CopyRequestView, type InputOf, type OutputOf } from '../../../shared/api';
import {
  APPLICANT_KIND_LABELS,
  applicantProblems,
  archiveCaseDoc,
  archiveCaseId,
  AUTHORITY_KIND_LABELS,
  copyRequestDoc,
  type CopyRequestDoc,
  type DisclosureDoc,
} from '../../../shared/docs';
import { FontUnavailableError } from '../../print/cjk-font';
import { certifiedCopyPdf } from '../../print/certified-copy/render';
import { verifyCopyCode } from '../../print/certified-copy/verify';
import { throwIfImmutable } from '../write-refusals';
import { documentStamp, type ClinicData } from '../clinic-data';
import { ageOn, sexLabel } from '../patients/display';
import { readPatient, requireSettings } from '../patients/patient-records';
import type { Actor } from '../sessions';
import { clinicCopySigner } from './clinic-key';
import { storeLedger } from './ledger';
import { caseSections, type CaseDocuments, type SectionNames } from './sections';
import { copyRequestView, disclosureView, verdictView } from './views';

const nextUlid = monotonicFactory();
type Stored<T> = T & { _rev: string };

function write(store: DocumentStoreApi, docs: ReadonlyArray<Record<string, unknown> & { _id: string }>): void {
  for (const result of store.bulkDocs(docs)) {
    throwIfImmutable(result);
    if (!result.ok) throw new ApiFailure(result.error === 'conflict' ? 'CONFLICT' : 'VALIDATION_FAILED', result.reason);
  }
}

function readRequest(store: DocumentStoreApi, id: string): Stored<CopyRequestDoc> {
  const parsed = copyRequestDoc.safeParse(store.get(id));
  if (!parsed.success) throw new ApiFailure('NOT_FOUND', '没有找到这份复印申请。');
  return { ...parsed.data, _rev: store.get(id)!._rev };
}

/** The case's frozen set, each document at exactly the archived revision (never the latest). */
export function frozenCase(store: DocumentStoreApi, caseNumber: string): CaseDocuments & { patientId: string; sources: Array<{ id: string; rev: string }> } {
  const parsed = archiveCaseDoc.safeParse(store.get(archiveCaseId(caseNumber)));
  if (!parsed.success) throw new ApiFailure('NOT_FOUND', `没有找到病案 ${caseNumber}：请核对病案号，只有已归档的病案可以复印。`);
  const documents: StoredDocument[] = parsed.data.documents.map(({ id, rev }) => {
    const doc = store.get(id, { rev });
    if (!doc) throw new ApiFailure('INTERNAL', `病案 ${caseNumber} 的文档 ${id}（版本 ${rev}）在本机找不到，请等数据同步完成后再复印。`);
    return doc;
  });
  return { caseNumber, documents, patientId: parsed.data.patientId, sources: parsed.data.documents.map(({ id, rev }) => ({ id, rev })) };
}

function requester(request: CopyRequestDoc): string {
  const who = request.applicant;
  const organisation = who.organisation ?? (who.authority_kind ? AUTHORITY_KIND_LABELS[who.authority_kind] : '');
  return organisation ? `${organisation} ${who.name}` : `${APPLICANT_KIND_LABELS[who.kind]} ${who.name}`;
}

export class CopyDesk {
  constructor(private readonly data: ClinicData) {}

  private view(doc: Stored<CopyRequestDoc>): CopyRequestView {
    const patient = this.data.store.get(doc.patient_id);
    return copyRequestView(doc, typeof patient?.name === 'string' ? patient.name : '');
  }

  request(input: InputOf<'copies.request'>, actor: Actor, clinicCode: string): CopyRequestView {
    const problems = applicantProblems(input.applicant, input.documentsSeen);
    if (problems.length > 0)
      throw new ApiFailure(
        'VALIDATION_FAILED',
        problems[0].message,
        problems.map((p) => ({ path: p.path === 'documents_seen' ? 'documentsSeen' : p.path, message: p.message })),
      );
    readPatient(this.data, input.patientId);
    for (const caseNumber of input.caseNumbers) {
      if (this.data.copies.isSealed(caseNumber)) throw new ApiFailure('FORBIDDEN', `病案 ${caseNumber} 已封存，封存期间不能复印。`);
      if (frozenCase(this.data.store, caseNumber).patientId !== input.patientId)
        throw new ApiFailure('VALIDATION_FAILED', `病案 ${caseNumber} 不是这位患者的病案，请核对病案号。`, [
          { path: 'caseNumbers', message: '病案号与患者不符' },
        ]);
    }
    const doc: CopyRequestDoc = {
      _id: `copy_request:${nextUlid()}`,
      type: 'copy_request',
      ...documentStamp(clinicCode, actor.username),
      patient_id: input.patientId,
      case_numbers: [...new Set(input.caseNumbers)],
      applicant: input.applicant,
      purpose: input.purpose,
      documents_seen: [...new Set(input.documentsSeen)],
      parts: [...new Set(input.parts)],
      status: 'requested',
    };
    write(this.data.store, [doc]);
    return this.view(readRequest(this.data.store, doc._id));
  }

  decide(input: InputOf<'copies.decide'>, actor: Actor): CopyRequestView {
    const request = readRequest(this.data.store, input.id);
    if (request.status !== 'requested') throw new ApiFailure('CONFLICT', '这份复印申请已经审批过了。');
    if (!input.approve && !input.note) throw new ApiFailure('VALIDATION_FAILED', '不同意复印时请写明原因。', [{ path: 'note', message: '请写明不同意的原因' }]);
    const at = new Date().toISOString();
    write(this.data.store, [
      {
        ...request,
        status: input.approve ? 'approved' : 'refused',
        decided_by: actor.username,
        decided_at: at,
        ...(input.note ? { decision_note: input.note } : {}),
        updated_at: at,
        updated_by: actor.username,
      },
    ]);
    return this.view(readRequest(this.data.store, input.id));
  }

  async print(input: InputOf<'copies.print'>, actor: Actor, clinicCode: string, options: { fontFile?: string } = {}): Promise<OutputOf<'copies.print'>> {
    const request = readRequest(this.data.store, input.id);
    if (request.status !== 'approved')
      throw new ApiFailure(
        'CONFLICT',
        request.status === 'copied' ? '这份申请已经复印过了；再次复印请重新登记申请。' : '这份复印申请还没有批准，批准后才能复印。',
      );
    const settings = requireSettings(this.data);
    const patient = readPatient(this.data, request.patient_id);
    const cases = request.case_numbers.map((caseNumber) => frozenCase(this.data.store, caseNumber));
    const departments = new Map(this.data.departments.list().map((d) => [d.code, d.name]));
    const names: SectionNames = {
      department: (code) => departments.get(code) ?? code,
      person: (username) => (username ? (this.data.users.byUsername(username)?.displayName ?? username) : '—'),
      timeZone: settings.time_zone,
    };
    const printedAt = new Date().toISOString();
    const copyId = `disclosure:${nextUlid()}`;
    const signer = await clinicCopySigner(this.data.store, this.data.dataDir, clinicCode, actor.workstation, actor.username);
    let copy;
    try {
      copy = await certifiedCopyPdf(
        {
          clinicName: settings.name,
          copyId,
          caseNumbers: request.case_numbers,
          patient: { name: patient.name, sex: sexLabel(patient.sex), age: ageOn(patient.birth_date, printedAt.slice(0, 10)).text },
          requester: requester(request),
          purpose: request.purpose,
          printedAt,
          printedBy: actor.displayName,
          timeZone: settings.time_zone,
          sections: cases.flatMap((c) => caseSections(c, request.parts, names)),
        },
        signer,
        options,
      );
    } catch (error) {
      if (error instanceof FontUnavailableError) throw new ApiFailure('INTERNAL', error.message);
      throw error;
    }
    const disclosure: DisclosureDoc = {
      _id: copyId,
      type: 'disclosure',
      ...documentStamp(clinicCode, actor.username, new Date(printedAt)),
      copy_request_id: request._id,
      patient_id: request.patient_id,
      case_numbers: request.case_numbers,
      applicant: request.applicant,
      purpose: request.purpose,
      documents_seen: request.documents_seen,
      parts: request.parts,
      sources: cases.flatMap((c) => c.sources),
      pages: copy.pages,
      text_sm3: copy.textSm3,
      page_sm3: [...copy.pageSm3],
      key_id: signer.keyId,
      signature: copy.signature,
      approved_by: request.decided_by ?? actor.username,
      printed_at: printedAt,
      printed_by: { username: actor.username, display_name: actor.displayName },
    };
    this.data.store.transaction(() =>
      write(this.data.store, [disclosure, { ...request, status: 'copied', disclosure_id: copyId, updated_at: printedAt, updated_by: actor.username }]),
    );
    return {
      fileName: `病案复印件-${request.case_numbers[0]}-${copyId.slice('disclosure:'.length)}.pdf`,
      contentType: 'application/pdf',
      pdfBase64: Buffer.from(copy.pdf).toString('base64'),
      bytes: copy.pdf.byteLength,
      copyId,
      pages: copy.pages,
    };
  }

  requests(status?: CopyRequestDoc['status']): CopyRequestView[] {
    return this.data.copies.requests({ status }).map((row) => this.view(readRequest(this.data.store, row.id)));
  }

  disclosures(patientId?: string) {
    const ledger = storeLedger(this.data.store);
    return this.data.copies
      .disclosures({ patientId })
      .map((row) => ledger.disclosure(row.id))
      .filter((doc): doc is DisclosureDoc => doc !== null)
      .map(disclosureView);
  }

  verify(code: string) {
    return verdictView(verifyCopyCode(code, storeLedger(this.data.store)));
  }
}
