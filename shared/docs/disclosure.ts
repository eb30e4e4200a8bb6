import { z } from 'zod';
import { documentBase, isoTimestamp } from './base';
import { applicant, copyPart, EXAMPLE_COPY_REQUEST, proofDocument } from './copy-request';
import { EXAMPLE_STAMP } from './examples';
import { CLINIC_KEY_ID, COPY_REQUEST_ID, DISCLOSURE_ID, PATIENT_ID } from './ids';
import { username } from './user';

const sm3Hex = z.string().regex(/^[0-9a-f]{64}$/, '摘要格式不对');
const revision = z.string().regex(/^\d+-[0-9a-f]{32}$/, '记录版本号格式不对');

/**
 * 复印登记 (disclosure log, AR-25, AC-04): one certified copy handed out — who asked and why, the
 * documents seen, the parts and the exact revisions copied, the pages, the SM3 digest of the text the
 * pages draw and the clinic key's SM2 signature that the copy's QR code carries, and who printed it
 * when. Its id is the copy id printed on the copy. Never edited: the store refuses a local change.
 */
export const disclosureDoc = z.object({
  _id: z.string().regex(DISCLOSURE_ID),
  type: z.literal('disclosure'),
  ...documentBase,
  copy_request_id: z.string().regex(COPY_REQUEST_ID),
  patient_id: z.string().regex(PATIENT_ID),
  case_numbers: z.array(z.string().min(1)).min(1),
  applicant,
  purpose: z.string().min(1),
  documents_seen: z.array(proofDocument),
  parts: z.array(copyPart).min(1),
  /** The archived revisions the copy was made from (the cases' frozen sets, never the latest). */
  sources: z.array(z.object({ id: z.string().min(1), rev: revision })),
  pages: z.number().int().positive(),
  /** SM3 of the drawn text (electron/print/certified-copy/README.md), and of each page's. */
  text_sm3: sm3Hex,
  page_sm3: z.array(sm3Hex).min(1),
  key_id: z.string().regex(CLINIC_KEY_ID),
  /** SM2 `r || s` (hex) over the QR statement. */
  signature: z.string().regex(/^[0-9a-f]{128}$/, '签名格式不对'),
  approved_by: username,
  printed_at: isoTimestamp,
  printed_by: z.object({ username, display_name: z.string().min(1) }),
});
export type DisclosureDoc = z.infer<typeof disclosureDoc>;

export const EXAMPLE_DISCLOSURE = {
  _id: 'disclosure:01JQ0000000000000000000021',
  type: 'disclosure',
  ...EXAMPLE_STAMP,
  copy_request_id: EXAMPLE_COPY_REQUEST._id,
  patient_id: EXAMPLE_COPY_REQUEST.patient_id,
  case_numbers: EXAMPLE_COPY_REQUEST.case_numbers,
  applicant: EXAMPLE_COPY_REQUEST.applicant,
  purpose: EXAMPLE_COPY_REQUEST.purpose,
  documents_seen: EXAMPLE_COPY_REQUEST.documents_seen,
  parts: EXAMPLE_COPY_REQUEST.parts,
  sources: [{ id: 'outpatient_note:01JQ0000000000000000000005', rev: `2-${'ab'.repeat(16)}` }],
  pages: 1,
  text_sm3: 'ab'.repeat(32),
  page_sm3: ['cd'.repeat(32)],
  key_id: 'clinic_key:01JQ0000000000000000000022',
  signature: 'ef'.repeat(64),
  approved_by: 'wang.yiwu',
  printed_at: '2025-03-01T09:00:00.000Z',
  printed_by: { username: 'zhao.bingan', display_name: '赵病案' },
};
