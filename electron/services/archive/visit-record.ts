/**
 * One completed visit as the archive sees it: the encounter, the note as last amended, the
 * prescriptions, the patient's allergies and every signature's state. Read once, checked by
 * checks.ts, frozen by archiving.ts.
 */
import { ApiFailure } from '../../../shared/api/errors';
import type { EncounterDoc } from '../../../shared/docs/encounter';
import { amendmentDoc } from '../../../shared/docs/signing';
import { NOTE_TEXT_FIELDS, type NoteDiagnosis, type OutpatientNoteDoc } from '../../../shared/docs/outpatient-note';
import type { PatientDoc } from '../../../shared/docs/patient';
import type { PrescriptionDoc } from '../../../shared/docs/prescription';
import type { SigningService } from '../../signing';
import type { ClinicData } from '../clinic-data';
import { readDocument, type Stored } from '../outpatient/records';

export interface RecordVerification {
  readonly id: string;
  readonly label: string;
  readonly status: 'verified' | 'altered' | 'unknown_key' | 'unsigned';
  readonly failure: string | null;
  readonly needsCountersign: boolean;
}

export interface VisitRecord {
  readonly encounter: Stored<EncounterDoc>;
  readonly note: Stored<OutpatientNoteDoc>;
  readonly patient: Stored<PatientDoc>;
  readonly prescriptions: ReadonlyArray<{
    readonly id: string;
    readonly kind: 'ordinary' | 'emergency';
    readonly items: ReadonlyArray<{ drugName: string; days: number }>;
    readonly allergyAnswered: boolean;
  }>;
  /** Ids of the note's amendments, in order. */
  readonly amendmentIds: ReadonlyArray<string>;
  readonly visitType: 'first' | 'return' | 'emergency';
  /** The note's content as last amended. */
  readonly content: { readonly text: Readonly<Record<string, unknown>>; readonly diagnoses: ReadonlyArray<NoteDiagnosis> };
  readonly visitAt: string;
  readonly visitDate: string;
  readonly registeredAt: string;
  readonly completedAt: string | null;
  readonly onsetDate: string | null;
  readonly noteSignedAt: string | null;
  readonly allergies: ReadonlyArray<string>;
  readonly verifications: ReadonlyArray<RecordVerification>;
}

/** What the archive services need besides the database. */
export interface ArchiveDeps {
  readonly data: ClinicData;
  readonly signing: SigningService;
}

function verificationOf(signing: SigningService, id: string, label: string): RecordVerification {
  const v = signing.verify(id);
  return { id, label, status: v.status, failure: v.failure?.message ?? null, needsCountersign: v.needsCountersign };
}

export function readVisitRecord({ data, signing }: ArchiveDeps, encounterId: string): VisitRecord {
  const encounter = readDocument<EncounterDoc>(data, encounterId, 'encounter', '没有找到这次就诊。');
  const noteRow = data.outpatient.notesOfEncounter(encounterId).find((n) => n.status === 'signed');
  if (!noteRow) throw new ApiFailure('CONFLICT', '这次就诊还没有签名的病历，不能归档。');
  const note = readDocument<OutpatientNoteDoc>(data, noteRow.id, 'outpatient_note', '没有找到这份病历。');
  const patient = readDocument<PatientDoc>(data, encounter.patient_id, 'patient', '没有找到这位患者的档案。');
  const prescriptions = data.outpatient
    .prescriptionsOfEncounter(encounterId)
    .filter((p) => p.status === 'signed')
    .map((p) => readDocument<PrescriptionDoc>(data, p.id, 'prescription', '没有找到这张处方。'));
  const amendmentIds = data.signing.amendmentIdsOf(note._id);
  const latest = amendmentIds.length === 0 ? null : amendmentDoc.safeParse(data.store.get(amendmentIds[amendmentIds.length - 1]));
  const amended = latest?.success ? latest.data.content : null;
  const text = Object.fromEntries(NOTE_TEXT_FIELDS.map((field) => [field, amended && field in amended ? (amended[field] ?? '') : note[field]]));
  const diagnoses = amended && Array.isArray(amended.diagnoses) ? (amended.diagnoses as NoteDiagnosis[]) : note.diagnoses;
  const noteCheck = signing.verify(note._id);
  return {
    encounter,
    note,
    patient,
    prescriptions: prescriptions.map((rx) => ({
      id: rx._id,
      kind: rx.kind,
      items: rx.items.map((item) => ({ drugName: item.drug_name, days: item.days })),
      allergyAnswered: rx.warnings_answered.some((w) => w.code === 'allergy' && w.answer.trim() !== ''),
    })),
    amendmentIds,
    visitType: note.visit_type,
    content: { text, diagnoses },
    visitAt: note.visit_at,
    visitDate: encounter.visit_date,
    registeredAt: encounter.registered_at,
    completedAt: encounter.completed_at ?? null,
    onsetDate: note.onset_date ?? null,
    noteSignedAt: noteCheck.signedAt,
    allergies: patient.allergies.map((a) => a.substance),
    verifications: [
      verificationOf(signing, note._id, '门诊病历'),
      ...amendmentIds.map((id, i) => verificationOf(signing, id, `第 ${i + 1} 次病历修改`)),
      ...prescriptions.map((rx, i) => verificationOf(signing, rx._id, `第 ${i + 1} 张处方`)),
    ],
  };
}

/** Every document a visit's case freezes: the visit, the patient, the note, its amendments, the prescriptions and all their signatures. */
export function visitDocumentIds(data: ClinicData, record: VisitRecord): string[] {
  const signed = [record.note._id, ...record.amendmentIds, ...record.prescriptions.map((p) => p.id)];
  const signatureIds = signed.flatMap((id) => data.signing.signaturesOf(id).map((s) => s.id));
  return [record.encounter._id, record.patient._id, ...signed, ...signatureIds];
}
