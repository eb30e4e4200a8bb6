import { z } from 'zod';
import { documentBase, isoTimestamp } from './base';
import { COPY_REQUEST_ID, DISCLOSURE_ID, PATIENT_ID } from './ids';
import { EXAMPLE_PATIENT, EXAMPLE_STAMP } from './examples';
import { username } from './user';

/**
 * 复印申请 (REGULATIONS.md AR-16–AR-25): who asks, which documents the record room saw, which parts
 * are wanted, and the 医务科's decision. The rules that tie documents to applicant kinds live in
 * shared/records/copy-rules.ts, so the form and the service check the same list.
 */

/** AR-16 (patient, agent, heir, heir's agent) and AR-18 (authorities, commercial insurers). */
export const APPLICANT_KINDS = ['patient', 'agent', 'heir', 'heir_agent', 'authority', 'insurer'] as const;
export const applicantKind = z.enum(APPLICANT_KINDS);
export type ApplicantKind = z.infer<typeof applicantKind>;

/** AR-18's bodies that may retrieve records with a legal certificate. */
export const AUTHORITY_KINDS = ['police', 'judicial', 'social_security', 'medical_appraisal', 'health_inspection'] as const;
export const authorityKind = z.enum(AUTHORITY_KINDS);
export type AuthorityKind = z.infer<typeof authorityKind>;

/** The documents an applicant may show (AR-17, AR-18). */
export const PROOF_DOCUMENTS = [
  'patient_id',
  'agent_id',
  'heir_id',
  'agency_proof',
  'authorisation_letter',
  'death_certificate',
  'kinship_proof',
  'retrieval_certificate',
  'officer_id',
  'officer_work_id',
  'insurance_contract',
  'patient_consent',
] as const;
export const proofDocument = z.enum(PROOF_DOCUMENTS);
export type ProofDocument = z.infer<typeof proofDocument>;

/** The parts of an outpatient record a copy may hold (AR-19, AR-20: every component, fees included). */
export const COPY_PARTS = ['information_page', 'outpatient_record', 'prescriptions', 'signatures', 'scanned_pages'] as const;
export const copyPart = z.enum(COPY_PARTS);
export type CopyPart = z.infer<typeof copyPart>;

export const copyRequestStatus = z.enum(['requested', 'approved', 'refused', 'copied']);
export type CopyRequestStatus = z.infer<typeof copyRequestStatus>;

const caseNumberText = z.string().min(3).max(60);
const personName = z.string().trim().min(1, '请填写申请人姓名').max(40, '姓名不超过 40 个字');

export const applicant = z.object({
  kind: applicantKind,
  name: personName,
  /** The last four characters of the ID shown, enough to find the person again (no full number kept). */
  id_tail: z.string().regex(/^[0-9Xx]{4}$/, '证件号后四位应是 4 位数字或 X'),
  /** 单位 for authorities and insurers; the relationship (儿子、配偶 …) for heirs. */
  organisation: z.string().trim().max(60).optional(),
  authority_kind: authorityKind.optional(),
  relationship: z.string().trim().max(20).optional(),
});
export type Applicant = z.infer<typeof applicant>;

export const copyRequestDoc = z.object({
  _id: z.string().regex(COPY_REQUEST_ID),
  type: z.literal('copy_request'),
  ...documentBase,
  patient_id: z.string().regex(PATIENT_ID),
  case_numbers: z.array(caseNumberText).min(1, '请选择要复印的病案').max(50),
  applicant,
  purpose: z.string().trim().min(2, '请填写复印用途（至少 2 个字）').max(100, '用途不超过 100 个字'),
  documents_seen: z.array(proofDocument),
  parts: z.array(copyPart).min(1, '请选择要复印的内容'),
  status: copyRequestStatus,
  decided_by: username.optional(),
  decided_at: isoTimestamp.optional(),
  decision_note: z.string().max(200).optional(),
  /** The disclosure entry of the copy made, once printed. */
  disclosure_id: z.string().regex(DISCLOSURE_ID).optional(),
});
export type CopyRequestDoc = z.infer<typeof copyRequestDoc>;

export const APPLICANT_KIND_LABELS: Readonly<Record<ApplicantKind, string>> = {
  patient: '患者本人',
  agent: '患者委托的代理人',
  heir: '死亡患者的法定继承人',
  heir_agent: '法定继承人委托的代理人',
  authority: '公安、司法、人社、医疗事故技术鉴定等机关',
  insurer: '商业保险机构',
};

export const AUTHORITY_KIND_LABELS: Readonly<Record<AuthorityKind, string>> = {
  police: '公安机关',
  judicial: '司法机关',
  social_security: '人力资源和社会保障部门',
  medical_appraisal: '医疗事故技术鉴定机构',
  health_inspection: '卫生监督机构',
};

export const PROOF_DOCUMENT_LABELS: Readonly<Record<ProofDocument, string>> = {
  patient_id: '患者的有效身份证明',
  agent_id: '代理人的有效身份证明',
  heir_id: '法定继承人的有效身份证明',
  agency_proof: '代理关系证明材料',
  authorisation_letter: '授权委托书',
  death_certificate: '患者死亡证明',
  kinship_proof: '与死亡患者法定继承关系的证明材料',
  retrieval_certificate: '单位出具的调取病历法定证明',
  officer_id: '经办人本人有效身份证明',
  officer_work_id: '经办人有效工作证明（须与单位一致）',
  insurance_contract: '保险合同复印件',
  patient_consent: '患者本人或其代理人同意的证明材料（患者死亡的，由法定继承人或其代理人同意）',
};

export const COPY_PART_LABELS: Readonly<Record<CopyPart, string>> = {
  information_page: '门（急）诊诊疗信息页',
  outpatient_record: '门诊病历（含修改记录）',
  prescriptions: '处方',
  signatures: '电子签名记录',
  scanned_pages: '纸质病历扫描页',
};

/**
 * What each kind of applicant must bring (AR-17, MRM Art.18; AR-18 for authorities and insurers):
 * the form ticks what was seen, and a request missing any of these is refused.
 */
const REQUIRED_DOCUMENTS: Readonly<Record<ApplicantKind, ReadonlyArray<ProofDocument>>> = {
  patient: ['patient_id'],
  agent: ['patient_id', 'agent_id', 'agency_proof', 'authorisation_letter'],
  heir: ['death_certificate', 'heir_id', 'kinship_proof'],
  heir_agent: ['death_certificate', 'heir_id', 'agent_id', 'kinship_proof', 'agency_proof', 'authorisation_letter'],
  authority: ['retrieval_certificate', 'officer_id', 'officer_work_id'],
  insurer: ['retrieval_certificate', 'officer_id', 'officer_work_id', 'insurance_contract', 'patient_consent'],
};

export function requiredDocuments(kind: ApplicantKind): ReadonlyArray<ProofDocument> {
  return REQUIRED_DOCUMENTS[kind];
}

/** The required documents not ticked as seen, in the order the regulation lists them. */
export function missingDocuments(kind: ApplicantKind, seen: ReadonlyArray<ProofDocument>): ProofDocument[] {
  return REQUIRED_DOCUMENTS[kind].filter((document) => !seen.includes(document));
}

/**
 * Everything wrong with who is asking, as whole sentences for the form: the missing documents by
 * name, and the details an authority, insurer or heir must give. Empty when the request may be made.
 */
export function applicantProblems(who: Applicant, seen: ReadonlyArray<ProofDocument>): Array<{ path: string; message: string }> {
  const problems: Array<{ path: string; message: string }> = [];
  const missing = missingDocuments(who.kind, seen);
  if (missing.length > 0)
    problems.push({
      path: 'documents_seen',
      message: `${APPLICANT_KIND_LABELS[who.kind]}申请复印，还缺少：${missing.map((d) => PROOF_DOCUMENT_LABELS[d]).join('；')}。请核验后勾选，材料不齐不能登记。`,
    });
  if ((who.kind === 'authority' || who.kind === 'insurer') && !who.organisation?.trim())
    problems.push({ path: 'applicant.organisation', message: '请填写申请单位的名称（与调取证明、工作证上的一致）' });
  if (who.kind === 'authority' && !who.authority_kind) problems.push({ path: 'applicant.authority_kind', message: '请选择申请机关的类别' });
  if ((who.kind === 'heir' || who.kind === 'heir_agent') && !who.relationship?.trim())
    problems.push({ path: 'applicant.relationship', message: '请填写继承人与患者的关系（如配偶、子女）' });
  return problems;
}

export const EXAMPLE_COPY_REQUEST = {
  _id: 'copy_request:01JQ0000000000000000000020',
  type: 'copy_request',
  ...EXAMPLE_STAMP,
  patient_id: EXAMPLE_PATIENT._id,
  case_numbers: ['xz01-2026-W03-00017'],
  applicant: { kind: 'insurer', name: '赵保', id_tail: '123X', organisation: '某某人寿青山支公司' },
  purpose: '理赔审核',
  documents_seen: ['retrieval_certificate', 'officer_id', 'officer_work_id', 'insurance_contract', 'patient_consent'],
  parts: ['outpatient_record', 'prescriptions'],
  status: 'requested',
};
