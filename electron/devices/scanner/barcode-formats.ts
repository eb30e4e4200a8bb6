import { PATIENT_ID } from '../../../shared/docs/ids';

/**
 * The barcode contents this project prints and recognises (see SCANNER.md). The print module should
 * build labels with these functions so that what is printed is exactly what the scanner classifies.
 */

/**
 * Stand-in for the 医保电子凭证 QR payload: `YBPZ:1:<insurance number>:<token>`. The real national
 * voucher is an opaque token resolved online through the insurance platform; this format carries the
 * insurance number in clear so the front desk can find the patient offline. Only characters of QR's
 * alphanumeric mode (0-9, A-Z, ':'), so the code stays small.
 */
export const VOUCHER_PREFIX = 'YBPZ:1:';
const VOUCHER = /^YBPZ:1:([0-9A-Z]{6,30}):([A-Z2-7]{16,128})$/;

/** Patient label: `PT-` + the patient document id without its `patient:` prefix. */
export const PATIENT_PREFIX = 'PT-';

/** Record-folder label: `BA-` + the 病案号 (`<clinic>-<year>-<seq>`, possibly with a workstation part). */
export const ARCHIVE_CASE_PREFIX = 'BA-';
const ARCHIVE_CASE = /^BA-([a-z0-9][a-z0-9_-]{1,30}-\d{4}-[0-9A-Za-z-]{1,20})$/;

export function insuranceVoucherPayload(insuranceNumber: string, token: string): string {
  return `${VOUCHER_PREFIX}${insuranceNumber}:${token}`;
}

export function patientBarcode(patientId: string): string {
  return `${PATIENT_PREFIX}${patientId.replace(/^patient:/, '')}`;
}

export function archiveCaseBarcode(caseNumber: string): string {
  return `${ARCHIVE_CASE_PREFIX}${caseNumber}`;
}

export function matchVoucher(text: string): { insuranceNumber: string; token: string } | null {
  const match = VOUCHER.exec(text);
  return match === null ? null : { insuranceNumber: match[1], token: match[2] };
}

export function matchPatient(text: string): { patientId: string } | null {
  if (!text.startsWith(PATIENT_PREFIX)) return null;
  // Whatever the patient schema accepts as a document id (hashed or ULID), and nothing else.
  const patientId = `patient:${text.slice(PATIENT_PREFIX.length)}`;
  return PATIENT_ID.test(patientId) ? { patientId } : null;
}

export function matchArchiveCase(text: string): { caseNumber: string } | null {
  const match = ARCHIVE_CASE.exec(text);
  return match === null ? null : { caseNumber: match[1] };
}
