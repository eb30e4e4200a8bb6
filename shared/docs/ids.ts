/**
 * Every document id pattern, in one place: schemas, API contracts, the barcode reader and the
 * audit trail import them from here, so a type's ids are spelled once.
 */

/** A ULID (Crockford base 32, 26 characters): ids made on one workstation without coordination. */
export const ULID_TEXT = '[0-9A-HJKMNP-TV-Z]{26}';

/** `patient:h<32 hex>` (keyed hash of the resident ID number, see shared/identity/patient-id.ts). */
export const HASHED_PATIENT_ID = /^patient:h[0-9a-f]{32}$/;
/** What follows `patient:`: the hashed form or a ULID. Also what follows `PT-` on a patient label. */
export const PATIENT_ID_SUFFIX = `(h[0-9a-f]{32}|${ULID_TEXT})`;
export const PATIENT_ID = new RegExp(`^patient:${PATIENT_ID_SUFFIX}$`);
export const ENCOUNTER_ID = new RegExp(`^encounter:${ULID_TEXT}$`);
/** 门诊病历 `outpatient_note:<ULID>`, 处方 `prescription:<ULID>`, 常用模板 `note_template:<ULID>`. */
export const OUTPATIENT_NOTE_ID = new RegExp(`^outpatient_note:${ULID_TEXT}$`);
export const PRESCRIPTION_ID = new RegExp(`^prescription:${ULID_TEXT}$`);
export const NOTE_TEMPLATE_ID = new RegExp(`^note_template:${ULID_TEXT}$`);
export const DEPARTMENT_ID = /^department:[A-Za-z0-9_-]{1,20}$/;
export const USER_ID = /^user:[a-z][a-z0-9_.-]{1,31}$/;
export const AUDIT_EVENT_ID = /^audit:[A-Z0-9]{1,8}:\d{10}$/;
export const CLINIC_SETTINGS_ID = 'settings:clinic';
export const CLINIC_SETTINGS_ID_PATTERN = /^settings:clinic$/;
/** `drug:<本院药品编码>`: the clinic's own drug code, so a re-import updates the same document. */
export const DRUG_ID = /^drug:[A-Za-z0-9_-]{1,20}$/;
/** `prescribing_right:<username>`: one per doctor, set by the administrator. */
export const PRESCRIBING_RIGHT_ID = /^prescribing_right:[a-z][a-z0-9_.-]{1,31}$/;
export const REFERENCE_DICTIONARY_ID = /^reference_dictionary:[a-z0-9_]+$/;
/** Drafts live among the `_local/` documents, which never replicate: `_local/draft/<owner>/<key>`. */
export const DRAFT_PREFIX = '_local/draft/';
export const DRAFT_KEY = /^[A-Za-z0-9:_.-]{1,120}$/;
export const DRAFT_ID = /^_local\/draft\/[a-z][a-z0-9_.-]{1,31}\/[A-Za-z0-9:_.-]{1,120}$/;
/** A clinician's SM2 public key, one per user and PC where the key was made: `signing_key:<username>:<ULID>`. */
export const SIGNING_KEY_ID = new RegExp(`^signing_key:[a-z][a-z0-9_.-]{1,31}:${ULID_TEXT}$`);
export const SIGNATURE_ID = new RegExp(`^signature:${ULID_TEXT}$`);
/** The county's timestamp of one signature: `signature_timestamp:<ULID of the signature>`. */
export const SIGNATURE_TIMESTAMP_ID = new RegExp(`^signature_timestamp:${ULID_TEXT}$`);
export const AMENDMENT_ID = new RegExp(`^amendment:${ULID_TEXT}$`);
/** 借阅 (electronic access grant) `access_grant:<ULID>`, 纸质病案借出 `paper_loan:<ULID>`, 封存 `seal:<ULID>`. */
export const ACCESS_GRANT_ID = new RegExp(`^access_grant:${ULID_TEXT}$`);
export const PAPER_LOAN_ID = new RegExp(`^paper_loan:${ULID_TEXT}$`);
export const SEAL_ID = new RegExp(`^seal:${ULID_TEXT}$`);
/** 档案数字化: a scanned paper record `page_set:<ULID>`, and the machine-read text of one of its pages. */
export const PAGE_SET_ID = new RegExp(`^page_set:${ULID_TEXT}$`);
export const PAGE_TEXT_ID = new RegExp(`^page_text:${ULID_TEXT}:[0-9a-f]{32}$`);
/** 复印申请 `copy_request:<ULID>`; 复印登记 `disclosure:<ULID>` (the copy id printed on the copy). */
export const COPY_REQUEST_ID = new RegExp(`^copy_request:${ULID_TEXT}$`);
export const DISCLOSURE_ID = new RegExp(`^disclosure:${ULID_TEXT}$`);
/** The clinic's SM2 key for certified copies, one per PC that prints them: `clinic_key:<ULID>`. */
export const CLINIC_KEY_ID = new RegExp(`^clinic_key:${ULID_TEXT}$`);

/**
 * 病案号: `<本院编码>-<year>-<workstation>-<sequence>`, e.g. `xz01-2026-W03-00017`. Made on the archiving
 * workstation from its own counter (at least 5 digits), so no two workstations ever give the same
 * number and none has to ask another. A folder label is `BA-` + the 病案号
 * (electron/devices/scanner/barcode-formats.ts).
 */
export const CASE_NUMBER_TEXT = '[a-z0-9][a-z0-9_-]{1,30}-\\d{4}-[A-Z0-9]{1,8}-\\d{5,7}';
export const CASE_NUMBER = new RegExp(`^${CASE_NUMBER_TEXT}$`);
export const ARCHIVE_CASE_PREFIX = 'archive_case:';
export const ARCHIVE_CASE_ID = new RegExp(`^archive_case:${CASE_NUMBER_TEXT}$`);

/** The 病案号 of an `archive_case:<病案号>` id. */
export function caseNumberOf(id: string): string {
  if (!ARCHIVE_CASE_ID.test(id)) throw new Error(`not an archive case id: ${id}`);
  return id.slice(ARCHIVE_CASE_PREFIX.length);
}

export function archiveCaseId(caseNumber: string): string {
  return `${ARCHIVE_CASE_PREFIX}${caseNumber}`;
}
/** 质控 review of a case before archiving, a defect task sent back to its doctor, a change after archiving (AR-05). */
export const QC_REVIEW_ID = new RegExp(`^qc_review:${ULID_TEXT}$`);
export const QC_TASK_ID = new RegExp(`^qc_task:${ULID_TEXT}$`);
export const ARCHIVE_CHANGE_ID = new RegExp(`^archive_change:${ULID_TEXT}$`);
