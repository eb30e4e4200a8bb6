import { z } from 'zod';
import { documentBase, isoTimestamp } from './base';
import { AMENDMENT_ID, PATIENT_ID, SIGNATURE_ID, SIGNATURE_TIMESTAMP_ID, SIGNING_KEY_ID } from './ids';
import { username } from './user';
import { roleName } from '../permissions';

/**
 * Electronic signatures (REGULATIONS.md ID-06, ID-14): the public half of each clinician's SM2 key,
 * the signatures over documents, the county's timestamps of them, and amendments of signed notes
 * (WR-05, AR-05). electron/signing/README.md says what is signed and how it is checked.
 */

const hex = (length: number, message: string) => z.string().regex(new RegExp(`^[0-9a-f]{${length}}$`), message);
const revision = z.string().regex(/^\d+-[0-9a-f]{32}$/, '记录版本号格式不对');

/**
 * A clinician's SM2 public key, published so every PC can check that clinician's signatures. The
 * private half never leaves the PC where the key was made. `retired`: replaced by a new key (a new
 * PIN after a forgotten one); `revoked`: no longer to be trusted for signatures made after `status_at`.
 */
export const signingKeyStatus = z.enum(['active', 'retired', 'revoked']);
export const signingKeyDoc = z.object({
  _id: z.string().regex(SIGNING_KEY_ID),
  type: z.literal('signing_key'),
  ...documentBase,
  username,
  display_name: z.string().min(1),
  /** The workstation (`W01`) where the private key is kept. */
  workstation: z.string().min(1),
  algorithm: z.literal('SM2'),
  /** Uncompressed SM2 point, `04` + x + y in hex. */
  public_key: z.string().regex(/^04[0-9a-f]{128}$/, 'SM2 公钥格式不对'),
  status: signingKeyStatus,
  status_at: isoTimestamp.optional(),
});
export type SigningKeyDoc = z.infer<typeof signingKeyDoc>;

/** Whether a signer may sign on their own (licensed) or needs a licensed doctor's counter-signature (ID-03). */
export const practiceStatus = z.enum(['licensed', 'trainee', 'other']);
export type PracticeStatus = z.infer<typeof practiceStatus>;

export const signerIdentity = z.object({
  username,
  display_name: z.string().min(1),
  roles: z.array(roleName),
  practice: practiceStatus,
});

/**
 * The state of this PC's clock when it signed (ID-05, ID-14): `local` alone, or `checked` against the
 * county server at `checked_at`, when the two differed by `offset_ms` (server minus local).
 */
export const signingClock = z.object({
  source: z.enum(['local', 'checked']),
  checked_at: isoTimestamp.nullable(),
  offset_ms: z.number().int().nullable(),
});
export type SigningClock = z.infer<typeof signingClock>;

export const signaturePurpose = z.enum(['sign', 'countersign']);
export type SignaturePurpose = z.infer<typeof signaturePurpose>;

/**
 * One signature over one revision of a document. `body_sm3` is the SM3 digest of the target's
 * canonical body (`covers` names the form: `body-v1`, see electron/signing/README.md); `signature` is
 * SM2 over the canonical form of this document without `signature` itself, so signer, time, clock
 * state and digest are all covered. Immutable from the start: the county's timestamp is a document
 * of its own.
 */
export const signatureDoc = z.object({
  _id: z.string().regex(SIGNATURE_ID),
  type: z.literal('signature'),
  ...documentBase,
  purpose: signaturePurpose,
  target_id: z.string().min(1),
  target_type: z.string().min(1),
  target_rev: revision,
  patient_id: z.string().regex(PATIENT_ID).nullable(),
  covers: z.literal('body-v1'),
  body_sm3: hex(64, '摘要格式不对'),
  signer: signerIdentity,
  key_id: z.string().regex(SIGNING_KEY_ID),
  signed_at: isoTimestamp,
  clock: signingClock,
  /** For a counter-signature: the signature it confirms. */
  countersigns: z.string().regex(SIGNATURE_ID).optional(),
  /** SM2 `r || s` in hex. */
  signature: hex(128, '签名格式不对'),
});
export type SignatureDoc = z.infer<typeof signatureDoc>;

/**
 * The county's time for a signature, added when the signature reaches the county (ID-14: both times
 * kept). Written by the county only; the clinic keeps it as it came.
 */
export const signatureTimestampDoc = z.object({
  _id: z.string().regex(SIGNATURE_TIMESTAMP_ID),
  type: z.literal('signature_timestamp'),
  ...documentBase,
  signature_id: z.string().regex(SIGNATURE_ID),
  /** The county server's time when it received the signature. */
  stamped_at: isoTimestamp,
  /** Who stamped: the county server's name, or a timestamp authority's. */
  authority: z.string().min(1),
  /** A timestamp authority's token (RFC 3161 or GM/T 0033), base64, when the county has one. */
  token: z.string().optional(),
});
export type SignatureTimestampDoc = z.infer<typeof signatureTimestampDoc>;

/**
 * A correction of a signed document (WR-05, AR-05): the full new values of its content fields, the
 * reason, and the version it corrects (`previous_id`: the document itself, or the amendment before).
 * Signed like the document; never edited.
 */
export const amendmentDoc = z.object({
  _id: z.string().regex(AMENDMENT_ID),
  type: z.literal('amendment'),
  ...documentBase,
  target_id: z.string().min(1),
  target_type: z.string().min(1),
  patient_id: z.string().regex(PATIENT_ID).nullable(),
  previous_id: z.string().min(1),
  /** 1 for the first amendment of a document. */
  sequence: z.number().int().positive(),
  reason: z.string().trim().min(2, '请填写修改原因（至少 2 个字）').max(500, '修改原因不超过 500 个字'),
  content: z.record(z.string(), z.unknown()),
  author: z.object({ username, display_name: z.string().min(1) }),
});
export type AmendmentDoc = z.infer<typeof amendmentDoc>;

export const signatureTimestampIdFor = (signatureId: string): string => signatureId.replace(/^signature:/, 'signature_timestamp:');
