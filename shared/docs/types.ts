import type { z } from 'zod';
import { accessGrantDoc, EXAMPLE_ACCESS_GRANT } from './access-grant';
import { archiveCaseDoc } from './archive-case';
import { archiveChangeDoc } from './archive-change';
import { qcReviewDoc, qcTaskDoc } from './qc';
import { auditEventDoc } from './audit';
import { clinicSettingsDoc } from './clinic';
import { departmentDoc } from './department';
import { draftDoc } from './draft';
import { drugDoc, EXAMPLE_DRUG, EXAMPLE_PRESCRIBING_RIGHT, prescribingRightDoc } from './drug';
import { encounterDoc } from './encounter';
import {
  EXAMPLE_ARCHIVE_CASE,
  EXAMPLE_ARCHIVE_CHANGE,
  EXAMPLE_QC_REVIEW,
  EXAMPLE_QC_TASK,
  EXAMPLE_AUDIT_EVENT,
  EXAMPLE_CLINIC_SETTINGS,
  EXAMPLE_DEPARTMENT,
  EXAMPLE_DRAFT,
  EXAMPLE_ENCOUNTER,
  EXAMPLE_NOTE_TEMPLATE,
  EXAMPLE_NOTE_TEMPLATE_V1,
  EXAMPLE_OUTPATIENT_NOTE,
  EXAMPLE_PRESCRIPTION,
  EXAMPLE_PATIENT,
  EXAMPLE_PATIENT_V2,
  EXAMPLE_REFERENCE_DICTIONARY,
  EXAMPLE_USER,
  EXAMPLE_AMENDMENT,
  EXAMPLE_SIGNATURE,
  EXAMPLE_SIGNATURE_TIMESTAMP,
  EXAMPLE_SIGNING_KEY,
} from './examples';
import {
  ARCHIVE_CASE_ID,
  ARCHIVE_CHANGE_ID,
  QC_REVIEW_ID,
  QC_TASK_ID,
  AUDIT_EVENT_ID,
  CLINIC_SETTINGS_ID_PATTERN,
  DEPARTMENT_ID,
  DRAFT_ID,
  DRUG_ID,
  PRESCRIBING_RIGHT_ID,
  ENCOUNTER_ID,
  NOTE_TEMPLATE_ID,
  OUTPATIENT_NOTE_ID,
  PATIENT_ID,
  PRESCRIPTION_ID,
  REFERENCE_DICTIONARY_ID,
  USER_ID,
} from './ids';
import { noteTemplateDoc, noteTemplateDocV1, upgradeNoteTemplateV1 } from './note-template';
import { NOTE_TEXT_FIELDS, outpatientNoteDoc } from './outpatient-note';
import { AMENDMENT_ID, SIGNATURE_ID, SIGNATURE_TIMESTAMP_ID, SIGNING_KEY_ID } from './ids';
import { amendmentDoc, signatureDoc, signatureTimestampDoc, signingKeyDoc } from './signing';
import { EXAMPLE_PAGE_SET, EXAMPLE_PAGE_TEXT, pageSetDoc, pageTextDoc } from './page-set';
import { PAGE_SET_ID, PAGE_TEXT_ID } from './ids';
import { patientDoc, patientDocV1, upgradePatientV1 } from './patient';
import { prescriptionDoc } from './prescription';
import { referenceDictionaryDoc } from './reference';
import { defineDocumentType, DocumentRegistry, type DocumentTypeDefinition } from './registry';
import { userDoc } from './user';
import { EXAMPLE_PAPER_LOAN, paperLoanDoc } from './paper-loan';
import { EXAMPLE_SEAL, sealDoc } from './seal';
import { ACCESS_GRANT_ID, PAPER_LOAN_ID, SEAL_ID } from './ids';
import { clinicKeyDoc, EXAMPLE_CLINIC_KEY } from './clinic-key';
import { copyRequestDoc, EXAMPLE_COPY_REQUEST } from './copy-request';
import { disclosureDoc, EXAMPLE_DISCLOSURE } from './disclosure';
import { CLINIC_KEY_ID, COPY_REQUEST_ID, DISCLOSURE_ID } from './ids';

/**
 * Every document type the clinic knows, each declared once. Outpatient records are kept 15 years
 * from the last visit (REGULATIONS.md AR-08); nothing is purged automatically (AR-09).
 */

const text = (value: unknown): string => (typeof value === 'string' ? value : '');
const OUTPATIENT_RECORD = { kind: 'years_after_last_visit', years: 15 } as const;

export const CLINIC_DOCUMENT_TYPES = {
  clinic_settings: defineDocumentType({
    type: 'clinic_settings',
    example: EXAMPLE_CLINIC_SETTINGS,
    label: '本院设置',
    idPattern: CLINIC_SETTINGS_ID_PATTERN,
    schema: clinicSettingsDoc,
    documentClass: 'administrative',
    retention: { kind: 'current_state' },
    // Changing the settings concerns no patient and no account: not a target.
    audit: 'none',
    caption: (body) => `（${text(body.name)}）`,
  }),
  department: defineDocumentType({
    type: 'department',
    example: EXAMPLE_DEPARTMENT,
    label: '科室',
    idPattern: DEPARTMENT_ID,
    schema: departmentDoc,
    documentClass: 'administrative',
    retention: { kind: 'current_state' },
    caption: (body) => `${text(body.name)}（${text(body.code)}）`,
  }),
  user: defineDocumentType({
    type: 'user',
    example: EXAMPLE_USER,
    label: '用户',
    idPattern: USER_ID,
    schema: userDoc,
    // Old revisions hold old password hashes, better gone.
    documentClass: 'administrative',
    retention: { kind: 'current_state' },
    caption: (body) => `${text(body.display_name)}（${text(body.username)}）`,
  }),
  patient: defineDocumentType({
    type: 'patient',
    example: EXAMPLE_PATIENT_V2,
    label: '患者',
    idPattern: PATIENT_ID,
    schema: patientDoc,
    previous: [{ schema: patientDocV1, upgrade: upgradePatientV1, example: EXAMPLE_PATIENT }],
    // Demographics are part of the record, so their history is kept.
    documentClass: 'clinical',
    retention: OUTPATIENT_RECORD,
    caption: (body) => text(body.name),
  }),
  encounter: defineDocumentType({
    type: 'encounter',
    example: EXAMPLE_ENCOUNTER,
    label: '就诊',
    idPattern: ENCOUNTER_ID,
    schema: encounterDoc,
    documentClass: 'clinical',
    retention: OUTPATIENT_RECORD,
    caption: (body) => text(body.visit_number),
  }),
  outpatient_note: defineDocumentType({
    type: 'outpatient_note',
    example: EXAMPLE_OUTPATIENT_NOTE,
    label: '门诊病历',
    idPattern: OUTPATIENT_NOTE_ID,
    schema: outpatientNoteDoc,
    documentClass: 'clinical',
    retention: OUTPATIENT_RECORD,
    // Two signed bodies must never be merged into one nobody signed (WR-05: a change is an amendment).
    conflicts: 'immutable',
    immutable: { kind: 'when_field', field: 'status', values: ['signed'], says: '病历签名后不能修改；如需更正，请写修改记录（说明原因并签名）' },
    signing: {
      contentFields: [...NOTE_TEXT_FIELDS, 'onset_date', 'vitals', 'diagnoses', 'copy_marks', 'visit_at', 'visit_type'],
      patientField: 'patient_id',
    },
    caption: (body) => text(body.chief_complaint).slice(0, 20),
  }),
  prescription: defineDocumentType({
    type: 'prescription',
    example: EXAMPLE_PRESCRIPTION,
    label: '处方',
    idPattern: PRESCRIPTION_ID,
    schema: prescriptionDoc,
    documentClass: 'clinical',
    // RX-02 keeps ordinary prescriptions 1 year; as part of the outpatient record they stay as long as it does.
    retention: OUTPATIENT_RECORD,
    conflicts: 'immutable',
    immutable: { kind: 'when_field', field: 'status', values: ['signed', 'void'], says: '处方签名后不能修改；如需更改，请作废后重开' },
    signing: { contentFields: ['kind', 'items', 'warnings_answered'], patientField: 'patient_id' },
    caption: (body) => (Array.isArray(body.items) ? body.items.map((item: { drug_name?: unknown }) => text(item.drug_name)).join('、') : ''),
  }),
  note_template: defineDocumentType({
    type: 'note_template',
    example: EXAMPLE_NOTE_TEMPLATE,
    label: '常用模板',
    idPattern: NOTE_TEMPLATE_ID,
    schema: noteTemplateDoc,
    previous: [{ schema: noteTemplateDocV1, upgrade: upgradeNoteTemplateV1, example: EXAMPLE_NOTE_TEMPLATE_V1 }],
    documentClass: 'administrative',
    retention: { kind: 'current_state' },
    // A template names no patient: editing one is not a patient-record event.
    audit: 'none',
    caption: (body) => text(body.name),
  }),
  audit: defineDocumentType({
    type: 'audit',
    example: EXAMPLE_AUDIT_EVENT,
    label: '审计记录',
    idPattern: AUDIT_EVENT_ID,
    schema: auditEventDoc,
    documentClass: 'clinical',
    retention: { kind: 'permanent' },
    // Ids are per workstation and sequence, so two places never write the same event; should one
    // conflict all the same, it is shown and only closed, never merged.
    conflicts: 'immutable',
    immutable: { kind: 'always', says: '审计记录一经写入就不能修改或删除' },
    audit: 'none',
    caption: (body) => `${text(body.workstation)} #${String(body.seq ?? '')}`,
  }),
  reference_dictionary: defineDocumentType({
    type: 'reference_dictionary',
    example: EXAMPLE_REFERENCE_DICTIONARY,
    label: '县级字典',
    idPattern: REFERENCE_DICTIONARY_ID,
    schema: referenceDictionaryDoc,
    documentClass: 'administrative',
    retention: { kind: 'current_state' },
    conflicts: 'county_wins',
    audit: 'none',
    caption: (body) => text(body.title),
  }),
  drug: defineDocumentType({
    type: 'drug',
    example: EXAMPLE_DRUG,
    label: '药品',
    idPattern: DRUG_ID,
    schema: drugDoc,
    // The current list is what matters; a prescription keeps the drug's name and strength as written.
    documentClass: 'administrative',
    retention: { kind: 'current_state' },
    caption: (body) => `${text(body.generic_name)}（${text(body.code)}）`,
  }),
  prescribing_right: defineDocumentType({
    type: 'prescribing_right',
    example: EXAMPLE_PRESCRIBING_RIGHT,
    label: '抗菌药物处方权',
    idPattern: PRESCRIBING_RIGHT_ID,
    schema: prescribingRightDoc,
    documentClass: 'administrative',
    retention: { kind: 'current_state' },
    caption: (body) => text(body.username),
  }),
  draft: defineDocumentType({
    type: 'draft',
    example: EXAMPLE_DRAFT,
    label: '草稿',
    idPattern: DRAFT_ID,
    schema: draftDoc,
    documentClass: 'administrative',
    retention: { kind: 'until_discarded' },
    conflicts: 'local_only',
    audit: 'none',
    storage: 'local',
  }),
  signing_key: defineDocumentType({
    type: 'signing_key',
    example: EXAMPLE_SIGNING_KEY,
    label: '签名公钥',
    idPattern: SIGNING_KEY_ID,
    schema: signingKeyDoc,
    // Every signature ever made is checked against it: its history stays.
    documentClass: 'clinical',
    retention: { kind: 'permanent' },
    conflicts: 'immutable',
    immutable: { kind: 'when_field', field: 'status', values: ['revoked'], says: '已吊销的签名公钥不能再修改' },
    caption: (body) => `${text(body.display_name)}（${text(body.workstation)}）`,
  }),
  signature: defineDocumentType({
    type: 'signature',
    example: EXAMPLE_SIGNATURE,
    label: '电子签名',
    idPattern: SIGNATURE_ID,
    schema: signatureDoc,
    documentClass: 'clinical',
    retention: OUTPATIENT_RECORD,
    conflicts: 'immutable',
    immutable: { kind: 'always', says: '电子签名一经写入就不能修改或删除' },
    caption: (body) => `${text((body.signer as { display_name?: unknown } | undefined)?.display_name)} ${text(body.signed_at)}`,
  }),
  signature_timestamp: defineDocumentType({
    type: 'signature_timestamp',
    example: EXAMPLE_SIGNATURE_TIMESTAMP,
    label: '签名时间戳',
    idPattern: SIGNATURE_TIMESTAMP_ID,
    schema: signatureTimestampDoc,
    documentClass: 'clinical',
    retention: OUTPATIENT_RECORD,
    // Written by the county alone.
    conflicts: 'county_wins',
    immutable: { kind: 'always', says: '县级平台的签名时间戳不能修改' },
    caption: (body) => text(body.stamped_at),
  }),
  amendment: defineDocumentType({
    type: 'amendment',
    example: EXAMPLE_AMENDMENT,
    label: '病历修改',
    idPattern: AMENDMENT_ID,
    schema: amendmentDoc,
    documentClass: 'clinical',
    retention: OUTPATIENT_RECORD,
    conflicts: 'immutable',
    // Written and signed in one transaction; a further correction is a further amendment.
    immutable: { kind: 'always', says: '病历修改记录一经签署就不能再改，请再做一次修改' },
    signing: { contentFields: ['content', 'reason'], patientField: 'patient_id' },
    caption: (body) => text(body.reason),
  }),
  access_grant: defineDocumentType({
    type: 'access_grant',
    example: EXAMPLE_ACCESS_GRANT,
    label: '借阅授权',
    idPattern: ACCESS_GRANT_ID,
    schema: accessGrantDoc,
    // Who could read which record, and who approved it, is part of the record's trail (AR-15, AC-01).
    documentClass: 'clinical',
    retention: OUTPATIENT_RECORD,
    immutable: { kind: 'when_field', field: 'status', values: ['revoked'], says: '借阅授权已收回，不能再修改；如需借阅请重新授权' },
    caption: (body) => `${text((body.grantee as { display_name?: unknown } | undefined)?.display_name)} ${text(body.valid_until).slice(0, 10)}`,
  }),
  paper_loan: defineDocumentType({
    type: 'paper_loan',
    example: EXAMPLE_PAPER_LOAN,
    label: '纸质病案借出',
    idPattern: PAPER_LOAN_ID,
    schema: paperLoanDoc,
    documentClass: 'clinical',
    retention: OUTPATIENT_RECORD,
    immutable: { kind: 'when_field', field: 'status', values: ['returned'], says: '病案已归还，借出记录不能再修改' },
    caption: (body) => `${text(body.case_number)} ${text((body.borrower as { name?: unknown } | undefined)?.name)}`,
  }),
  seal: defineDocumentType({
    type: 'seal',
    example: EXAMPLE_SEAL,
    label: '病案封存',
    idPattern: SEAL_ID,
    schema: sealDoc,
    documentClass: 'clinical',
    retention: { kind: 'permanent' },
    // A confirmed 封存清单 is never merged from two sides nobody confirmed together.
    conflicts: 'immutable',
    immutable: { kind: 'when_field', field: 'status', values: ['unsealed'], says: '病案已启封，封存记录不能再修改' },
    caption: (body) => (Array.isArray(body.case_numbers) ? body.case_numbers.map(text).join('、') : ''),
  }),
  page_set: defineDocumentType({
    type: 'page_set',
    example: EXAMPLE_PAGE_SET,
    label: '纸质病历扫描件',
    idPattern: PAGE_SET_ID,
    schema: pageSetDoc,
    documentClass: 'clinical',
    retention: OUTPATIENT_RECORD,
    conflicts: 'immutable',
    immutable: { kind: 'when_field', field: 'status', values: ['complete'], says: '扫描件已确认完成，不能再改；如需补页，请另建一份扫描件' },
    caption: (body) => text(body.title),
  }),
  page_text: defineDocumentType({
    type: 'page_text',
    example: EXAMPLE_PAGE_TEXT,
    label: '扫描页机器识别文字',
    idPattern: PAGE_TEXT_ID,
    schema: pageTextDoc,
    documentClass: 'clinical',
    retention: OUTPATIENT_RECORD,
    // Read once by the workstation that scanned the page; a second reading is a new revision of the same text.
    conflicts: 'immutable',
    caption: (body) => text(body.text).slice(0, 20),
  }),
  copy_request: defineDocumentType({
    type: 'copy_request',
    example: EXAMPLE_COPY_REQUEST,
    label: '复印申请',
    idPattern: COPY_REQUEST_ID,
    schema: copyRequestDoc,
    // Who asked for a patient's record and with which documents is part of the record's trace (AC-01).
    documentClass: 'clinical',
    retention: OUTPATIENT_RECORD,
    conflicts: 'immutable',
    immutable: {
      kind: 'when_field',
      field: 'status',
      values: ['refused', 'copied'],
      says: '复印申请已办结（已复印或已拒绝），不能再修改；如需再复印，请重新登记',
    },
    caption: (body) => text((body.applicant as { name?: unknown } | undefined)?.name),
  }),
  disclosure: defineDocumentType({
    type: 'disclosure',
    example: EXAMPLE_DISCLOSURE,
    label: '病历复印登记',
    idPattern: DISCLOSURE_ID,
    schema: disclosureDoc,
    documentClass: 'clinical',
    retention: OUTPATIENT_RECORD,
    conflicts: 'immutable',
    immutable: { kind: 'always', says: '复印登记一经写入就不能修改或删除' },
    caption: (body) => `${text((body.applicant as { name?: unknown } | undefined)?.name)} ${text(body.printed_at)}`,
  }),
  clinic_key: defineDocumentType({
    type: 'clinic_key',
    example: EXAMPLE_CLINIC_KEY,
    label: '本院复印件签章公钥',
    idPattern: CLINIC_KEY_ID,
    schema: clinicKeyDoc,
    // Every copy ever printed is checked against it: its history stays.
    documentClass: 'clinical',
    retention: { kind: 'permanent' },
    conflicts: 'immutable',
    immutable: { kind: 'when_field', field: 'status', values: ['revoked'], says: '已吊销的本院公钥不能再修改' },
    audit: 'none',
    caption: (body) => text(body.workstation),
  }),
  archive_case: defineDocumentType({
    type: 'archive_case',
    example: EXAMPLE_ARCHIVE_CASE,
    label: '病案',
    idPattern: ARCHIVE_CASE_ID,
    schema: archiveCaseDoc,
    documentClass: 'clinical',
    retention: OUTPATIENT_RECORD,
    // Each 病案号 is made on one workstation only, so two bodies of one case mean something went wrong: shown, never merged.
    conflicts: 'immutable',
    immutable: { kind: 'always', says: '病案归档后不能修改；如需更改，请提出归档后修改申请，经医务科批准' },
    caption: (body) => text(body.caseNumber),
  }),
  qc_review: defineDocumentType({
    type: 'qc_review',
    example: EXAMPLE_QC_REVIEW,
    label: '病历质控评定',
    idPattern: QC_REVIEW_ID,
    schema: qcReviewDoc,
    documentClass: 'clinical',
    retention: OUTPATIENT_RECORD,
    conflicts: 'immutable',
    // A second look is a second review: the grade a case was archived with stays as given.
    immutable: { kind: 'always', says: '质控评定保存后不能修改，如需重评请再做一次评定' },
    caption: (body) => `${text(body.grade)} ${text(body.reviewer)}`,
  }),
  qc_task: defineDocumentType({
    type: 'qc_task',
    example: EXAMPLE_QC_TASK,
    label: '病案整改',
    idPattern: QC_TASK_ID,
    schema: qcTaskDoc,
    documentClass: 'clinical',
    retention: OUTPATIENT_RECORD,
    immutable: { kind: 'when_field', field: 'status', values: ['answered'], says: '整改已答复，不能再修改' },
    caption: (body) => text(body.doctor_username),
  }),
  archive_change: defineDocumentType({
    type: 'archive_change',
    example: EXAMPLE_ARCHIVE_CHANGE,
    label: '归档后修改',
    idPattern: ARCHIVE_CHANGE_ID,
    schema: archiveChangeDoc,
    documentClass: 'clinical',
    retention: OUTPATIENT_RECORD,
    conflicts: 'immutable',
    immutable: { kind: 'when_field', field: 'status', values: ['approved', 'rejected'], says: '医务科审批后，这项归档后修改不能再改' },
    caption: (body) => `${text(body.case_number)} ${text(body.reason).slice(0, 20)}`,
  }),
} satisfies Record<string, DocumentTypeDefinition>;

export type DocumentType = keyof typeof CLINIC_DOCUMENT_TYPES;
export type DocumentOf<T extends DocumentType> = z.infer<(typeof CLINIC_DOCUMENT_TYPES)[T]['schema']>;

/** The registry the app runs with. */
export const documentRegistry = new DocumentRegistry(Object.values(CLINIC_DOCUMENT_TYPES));

/** Adds a type to the app's registry (a test-only type); returns the function that removes it. */
export function registerDocumentType(definition: DocumentTypeDefinition): () => void {
  return documentRegistry.register(definition);
}
