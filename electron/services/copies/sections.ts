/**
 * The text of a copy, made from the archived revisions of its cases (AR-19, AR-20): the information
 * page, the note with its amendments, the prescriptions, the signatures, the scanned pages, as the
 * request's parts ask. Only what the frozen set holds is printed — never a later revision.
 */
import { NOTE_FIELD_LABELS, NOTE_TEXT_FIELDS, type CopyPart } from '../../../shared/docs';
import { VISIT_TYPE_LABELS } from '../../../shared/docs/encounter';
import { PRESCRIPTION_KIND_LABELS } from '../../../shared/docs/prescription';
import type { StoredDocument } from '../../../db/store/types';
import { clinicDateTime } from '../../../shared/time/clinic-time';
import type { CopySection } from '../../print/certified-copy/content';

export interface CaseDocuments {
  readonly caseNumber: string;
  /** The frozen revisions, read exactly as archived. */
  readonly documents: ReadonlyArray<StoredDocument>;
}

export interface SectionNames {
  department(code: string): string;
  person(username: string | null | undefined): string;
  readonly timeZone?: string;
}

type Body = Record<string, unknown>;
const str = (value: unknown): string => (typeof value === 'string' ? value : value === undefined || value === null ? '' : String(value));
const list = (value: unknown): Body[] => (Array.isArray(value) ? (value as Body[]) : []);

function diagnosisText(note: Body | undefined): string {
  const diagnoses = list(note?.diagnoses);
  return diagnoses.length === 0 ? '（未填写）' : diagnoses.map((d) => `${str(d.name)}（${str(d.code)}）`).join('；');
}

function informationPage(caseNumber: string, encounter: Body | undefined, note: Body | undefined, names: SectionNames): CopySection {
  const visitType = VISIT_TYPE_LABELS[str(encounter?.visit_type ?? note?.visit_type) as keyof typeof VISIT_TYPE_LABELS] ?? '';
  return {
    title: `门（急）诊诊疗信息页（病案号 ${caseNumber}）`,
    paragraphs: [
      `门诊号：${str(encounter?.visit_number) || '—'}　就诊日期：${str(encounter?.visit_date) || str(note?.visit_at).slice(0, 10)}　类别：${visitType}`,
      `科室：${names.department(str(encounter?.department_code ?? note?.department_code))}　医师：${names.person(str(note?.doctor_username ?? encounter?.doctor_username))}`,
      `诊断：${diagnosisText(note)}`,
    ],
  };
}

function noteSection(note: Body, amendments: Body[], names: SectionNames): CopySection {
  const paragraphs = NOTE_TEXT_FIELDS.filter((field) => str(note[field]).trim() !== '').map((field) => `${NOTE_FIELD_LABELS[field]}：${str(note[field])}`);
  paragraphs.push(`诊断：${diagnosisText(note)}`);
  for (const amendment of amendments) {
    const content = (amendment.content ?? {}) as Body;
    const changed = NOTE_TEXT_FIELDS.filter((field) => content[field] !== undefined && content[field] !== note[field]).map(
      (field) => `${NOTE_FIELD_LABELS[field]}：${str(content[field])}`,
    );
    paragraphs.push(
      `修改记录（第 ${str(amendment.sequence)} 次，${clinicDateTime(str(amendment.created_at), names.timeZone)}，${names.person(str(amendment.created_by))}）：原因：${str(amendment.reason)}`,
      ...changed,
    );
  }
  return {
    title: `门诊病历（${clinicDateTime(str(note.visit_at), names.timeZone)}，${names.department(str(note.department_code))}，${names.person(str(note.doctor_username))}）`,
    paragraphs,
  };
}

function prescriptionSection(prescription: Body): CopySection {
  const kind = PRESCRIPTION_KIND_LABELS[str(prescription.kind) as keyof typeof PRESCRIPTION_KIND_LABELS] ?? '处方';
  return {
    title: `${kind}（${str(prescription._id).replace(/^prescription:/, '')}）${str(prescription.status) === 'void' ? '（已作废）' : ''}`,
    paragraphs: list(prescription.items).map(
      (item, i) =>
        `${i + 1}. ${str(item.drug_name)} ${str(item.strength)}　每次 ${str(item.dose)}${str(item.dose_unit)}　${str(item.route)}　${str(item.frequency)}　${str(item.days)} 天　共 ${str(item.quantity)}${str(item.quantity_unit)}`,
    ),
  };
}

function signatureSection(signatures: Body[], names: SectionNames): CopySection {
  return {
    title: '电子签名记录',
    paragraphs: signatures.map((s) => {
      const signer = (s.signer ?? {}) as Body;
      return `${str(s.purpose) === 'countersign' ? '审签' : '签名'}：${str(signer.display_name)}，${clinicDateTime(str(s.signed_at), names.timeZone)}，所签记录 ${str(s.target_id)}（版本 ${str(s.target_rev).split('-')[0]}），摘要 SM3 ${str(s.body_sm3).slice(0, 16)}…`;
    }),
  };
}

/** The sections of one case, in the order of AR-19/AR-20's list, as far as the parts ask for them. */
export function caseSections(source: CaseDocuments, parts: ReadonlyArray<CopyPart>, names: SectionNames): CopySection[] {
  const of = (type: string) => source.documents.filter((d) => d.type === type) as unknown as Body[];
  const encounter = of('encounter')[0];
  const notes = of('outpatient_note');
  const sections: CopySection[] = [];
  if (parts.includes('information_page')) sections.push(informationPage(source.caseNumber, encounter, notes[0], names));
  if (parts.includes('outpatient_record'))
    for (const note of notes)
      sections.push(
        noteSection(
          note,
          of('amendment')
            .filter((a) => a.target_id === note._id)
            .sort((a, b) => Number(a.sequence) - Number(b.sequence)),
          names,
        ),
      );
  if (parts.includes('prescriptions')) sections.push(...of('prescription').map(prescriptionSection));
  if (parts.includes('signatures') && of('signature').length > 0) sections.push(signatureSection(of('signature'), names));
  if (parts.includes('scanned_pages') && of('page_set').length > 0)
    sections.push({
      title: '纸质病历扫描页',
      paragraphs: of('page_set').map(
        (p) => `扫描件 ${str(p._id)}：共 ${Object.keys((p as { _attachments?: object })._attachments ?? {}).length} 页，原件存于病案室，可申请查阅。`,
      ),
    });
  return sections;
}
