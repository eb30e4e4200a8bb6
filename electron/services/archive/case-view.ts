/**
 * The archived case as one document set (issue 10 item 2): every frozen record with its parts and,
 * for signed ones, the state of their signatures now; the changes approved after archiving; the
 * records of the visit made since, which the case does not include; and the 门（急）诊诊疗信息页.
 * Sealed cases are not found for a user without `archive.seal` (db/queries/archive-visibility.ts).
 */
import { ApiFailure } from '../../../shared/api/errors';
import type { CaseView, InfoPageView, ListedCaseView } from '../../../shared/api/archive';
import { documentRegistry } from '../../../shared/docs';
import type { ArchiveCaseDoc } from '../../../shared/docs/archive-case';
import { VISIT_TYPE_LABELS } from '../../../shared/docs/encounter';
import { POSITION_LABELS, type NoteDiagnosis } from '../../../shared/docs/outpatient-note';
import { clinicDateTime } from '../../../shared/time/clinic-time';
import type { StoredDocument } from '../../../db/store/types';
import type { SealVisibility } from '../../../db/queries/archive-visibility';
import type { SigningService } from '../../signing';
import type { ClinicData } from '../clinic-data';
import { ageOn, sexLabel } from '../patients/display';
import { requireSettings } from '../patients/patient-records';
import { fieldsOf } from './case-fields';
import { loadCaseDocuments, type CaseDocument } from './case-documents';
import { changesOf } from './changes';
import { clinicZone, reviewsOf } from './qc';

const str = (value: unknown): string => (typeof value === 'string' ? value : '');
const SIGNED_TYPES = new Set(['outpatient_note', 'prescription', 'amendment']);

function documentView(signing: SigningService, doc: CaseDocument): CaseView['documents'][number] {
  const body = doc.body;
  const type = typeof body?.type === 'string' ? body.type : 'unknown';
  const definition = documentRegistry.get(type);
  const verification = body && SIGNED_TYPES.has(type) ? signing.verify(doc.id) : null;
  return {
    id: doc.id,
    rev: doc.rev,
    type,
    label: definition?.label ?? '记录',
    caption: body && definition?.caption ? definition.caption(body) : '',
    addedByChange: doc.addedByChange,
    signature: verification?.status ?? null,
    signatureNote: verification?.failure?.message ?? null,
    fields: body ? fieldsOf(body) : [{ label: '说明', text: '本机还没有这份记录的这一版本（可能尚未同步过来）。' }],
  };
}

function infoPage(data: ClinicData, archived: ArchiveCaseDoc, bodies: ReadonlyArray<StoredDocument>, retentionUntil: string): InfoPageView | null {
  const settings = requireSettings(data);
  const zone = clinicZone(data);
  const byType = (type: string) => bodies.filter((b) => b.type === type);
  const [patient] = byType('patient');
  const [visit] = byType('encounter');
  const [note] = byType('outpatient_note');
  if (!patient || !visit || !note) return null;
  const lastAmendment = byType('amendment').at(-1);
  const content = (lastAmendment?.content ?? note) as Record<string, unknown>;
  const diagnoses = (Array.isArray(content.diagnoses) ? content.diagnoses : note.diagnoses) as NoteDiagnosis[];
  const address = patient.address as { detail?: string } | undefined;
  const allergies = Array.isArray(patient.allergies) ? (patient.allergies as Array<{ substance: string }>).map((a) => a.substance) : [];
  const departments = new Map(data.departments.list().map((d) => [d.code, d.name]));
  const doctor = archived.doctorUsername ? (data.users.byUsername(archived.doctorUsername)?.displayName ?? archived.doctorUsername) : '';
  const feeCategory = settings.fee_categories.find((c) => c.code === visit.fee_category)?.name ?? str(visit.fee_category);
  return {
    clinicName: settings.name,
    clinicCode: settings.code,
    caseNumber: archived.caseNumber,
    patient: {
      name: str(patient.name),
      sex: sexLabel(str(patient.sex)),
      birthDate: str(patient.birth_date),
      age: ageOn(str(patient.birth_date), archived.visitDate).text,
      idNumber: str(patient.id_number),
      phone: str(patient.phone),
      address: str(address?.detail),
    },
    visit: {
      visitNumber: str(visit.visit_number),
      visitDate: archived.visitDate,
      visitType: VISIT_TYPE_LABELS[visit.visit_type as keyof typeof VISIT_TYPE_LABELS] ?? str(visit.visit_type),
      department: departments.get(archived.departmentCode) ?? archived.departmentCode,
      feeCategory,
      visitAt: clinicDateTime(str(note.visit_at), zone),
    },
    chiefComplaint: str(content.chief_complaint),
    allergies: allergies.length > 0 ? allergies.join('、') : '无',
    diagnoses: diagnoses.map((d) => ({ position: POSITION_LABELS[d.position], code: d.code, name: d.name, version: `${d.code_system} ${d.version}` })),
    prescriptions: byType('prescription').map((rx) =>
      Array.isArray(rx.items) ? rx.items.map((i: { drug_name?: unknown }) => str(i.drug_name)).join('、') : '',
    ),
    doctor,
    qcGrade: archived.qcGrade,
    archivedAt: archived.archivedAt,
    retentionUntil,
  };
}

export function openCase(data: ClinicData, signing: SigningService, visibility: SealVisibility, caseNumber: string): CaseView {
  const row = data.archive.caseByNumber(caseNumber, visibility);
  // A sealed case is answered exactly as a missing one: its existence is not told either.
  if (!row) throw new ApiFailure('NOT_FOUND', `没有找到病案 ${caseNumber}。`);
  const changes = changesOf(data, caseNumber);
  const loaded = loadCaseDocuments(
    data.store,
    caseNumber,
    changes.map((c) => c.id),
  );
  if (!loaded) throw new ApiFailure('NOT_FOUND', `没有找到病案 ${caseNumber}。`);
  const included = new Set(loaded.documents.map((d) => d.id));
  const late = row.encounterId ? lateDocuments(data, row.encounterId, loaded.documents).filter((d) => !included.has(d.id)) : [];
  const patient = data.patients.byId(row.patientId);
  const bodies = loaded.documents.flatMap((d) => (d.body ? [d.body] : []));
  return {
    caseNumber,
    kind: loaded.archiveCase.kind,
    patientName: patient?.name ?? '',
    visitDate: row.visitDate,
    qcGrade: loaded.archiveCase.qcGrade,
    archivedAt: row.archivedAt,
    archivedBy: data.users.byUsername(row.archivedBy)?.displayName ?? row.archivedBy,
    retentionUntil: row.retentionUntil,
    documents: loaded.documents.map((d) => documentView(signing, d)),
    changes,
    lateDocuments: late,
    infoPage: infoPage(data, loaded.archiveCase, bodies, row.retentionUntil),
    reviews: row.encounterId ? reviewsOf(data, row.encounterId) : [],
  };
}

/** Amendments and prescriptions of the visit, and their signatures, that are not in the case. */
function lateDocuments(data: ClinicData, encounterId: string, documents: ReadonlyArray<CaseDocument>): CaseView['lateDocuments'] {
  const note = documents.find((d) => d.body?.type === 'outpatient_note');
  const ids = [
    ...(note ? data.signing.amendmentIdsOf(note.id) : []),
    ...data.outpatient
      .prescriptionsOfEncounter(encounterId)
      .filter((p) => p.status === 'signed')
      .map((p) => p.id),
  ];
  const withSignatures = ids.flatMap((id) => [id, ...data.signing.signaturesOf(id).map((s) => s.id)]);
  return withSignatures.flatMap((id) => {
    const body = data.store.get(id);
    const definition = body && typeof body.type === 'string' ? documentRegistry.get(body.type) : undefined;
    return body && definition ? [{ id, label: definition.label, caption: definition.caption ? definition.caption(body) : '' }] : [];
  });
}

export function recentCases(data: ClinicData, visibility: SealVisibility, limit: number): { cases: ListedCaseView[] } {
  return {
    cases: data.archive.recentCases(limit, visibility).map((row) => ({
      caseNumber: row.caseNumber,
      patientName: row.patientName,
      visitDate: row.visitDate,
      departmentCode: row.departmentCode,
      qcGrade: row.qcGrade as ListedCaseView['qcGrade'],
      archivedAt: row.archivedAt,
      retentionUntil: row.retentionUntil,
    })),
  };
}
