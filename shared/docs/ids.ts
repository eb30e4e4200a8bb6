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
