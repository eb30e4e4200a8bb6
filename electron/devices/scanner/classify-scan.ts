import { VOUCHER_PREFIX, matchArchiveCase, matchPatient, matchVoucher } from './barcode-formats';

export type Scan =
  /** 医保电子凭证: look the patient up by insurance number. */
  | { readonly kind: 'insurance_voucher'; readonly text: string; readonly insuranceNumber: string; readonly token: string }
  /** A patient label printed by this system. */
  | { readonly kind: 'patient'; readonly text: string; readonly patientId: string }
  /** A record-folder label (病案). */
  | { readonly kind: 'archive_case'; readonly text: string; readonly caseNumber: string }
  | { readonly kind: 'unknown'; readonly text: string; readonly hint: string };

export type ScanKind = Scan['kind'];

const HINTS = {
  voucherDamaged: '医保电子凭证内容不完整，请让患者刷新二维码后重新扫码',
  unknown: '无法识别的条码：不是本系统的患者条码、病案条码，也不是医保电子凭证',
} as const;

export function classifyScan(text: string): Scan {
  const voucher = matchVoucher(text);
  if (voucher !== null) return { kind: 'insurance_voucher', text, ...voucher };
  const patient = matchPatient(text);
  if (patient !== null) return { kind: 'patient', text, ...patient };
  const archiveCase = matchArchiveCase(text);
  if (archiveCase !== null) return { kind: 'archive_case', text, ...archiveCase };
  const hint = text.toUpperCase().startsWith(VOUCHER_PREFIX.slice(0, 5)) ? HINTS.voucherDamaged : HINTS.unknown;
  return { kind: 'unknown', text, hint };
}
