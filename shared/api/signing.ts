/**
 * 电子签名与病历修改: the clinician's signing PIN and key, signing and counter-signing a document,
 * checking its signatures, and amendments of signed documents with their history (REGULATIONS.md
 * ID-02, ID-03, ID-06, ID-14, WR-05, AR-05). electron/signing/README.md describes what is signed.
 */
import { z } from 'zod';
import { isoTimestamp } from '../docs/base';
import { practiceStatus, signaturePurpose, signingClock } from '../docs/signing';
import { method } from './define';

/** The signing PIN: digits only, at least 6 (separate from the login password). */
export const signingPin = z.string().regex(/^\d{6,12}$/, '签名 PIN 为 6–12 位数字');
/** 111111, 123456, 987654: the first PINs anyone tries. */
export function isGuessablePin(pin: string): boolean {
  const digits = [...pin].map(Number);
  const steps = new Set(digits.slice(1).map((d, i) => d - digits[i]));
  return steps.size === 1 && [0, 1, -1].includes([...steps][0]);
}
/** A PIN being chosen: not one of the guesses tried first. */
export const newSigningPin = signingPin.refine((pin) => !isGuessablePin(pin), 'PIN 不能是同一个数字或连续数字（如 111111、123456）');
const documentId = z.string().min(1, '请指明要签名的记录').max(200);

export const signingStatusView = z.object({
  /** Whether this user has a signing key on this PC. */
  hasKey: z.boolean(),
  keyId: z.string().nullable(),
  /** Signing refused until then after five wrong PINs; null when open. */
  lockedUntil: isoTimestamp.nullable(),
  attemptsLeft: z.number().int().min(0),
  practice: practiceStatus,
});
export type SigningStatusView = z.infer<typeof signingStatusView>;

export const verificationFailureKind = z.enum(['body_altered', 'signature_altered', 'target_missing', 'unknown_key', 'key_revoked', 'key_not_signers']);
export type VerificationFailureKind = z.infer<typeof verificationFailureKind>;

export const verificationFailure = z.object({
  kind: verificationFailureKind,
  /** The document that fails: the signed one (altered body) or the signature record. */
  documentId: z.string(),
  message: z.string(),
});

const signerView = z.object({ username: z.string(), displayName: z.string(), practice: practiceStatus });

export const signatureCheckView = z.object({
  signatureId: z.string(),
  purpose: signaturePurpose,
  status: z.enum(['verified', 'altered', 'unknown_key']),
  signer: signerView,
  signedAt: isoTimestamp,
  clock: signingClock,
  /** The county's time for it, once it has reached the county (ID-14: both kept). */
  countyStampedAt: isoTimestamp.nullable(),
  failure: verificationFailure.nullable(),
});
export type SignatureCheckView = z.infer<typeof signatureCheckView>;

export const verificationView = z.object({
  targetId: z.string(),
  /** The worst of its signatures: `altered` before `unknown_key` before `verified`; `unsigned` when none. */
  status: z.enum(['verified', 'altered', 'unknown_key', 'unsigned']),
  signer: signerView.nullable(),
  signedAt: isoTimestamp.nullable(),
  failure: verificationFailure.nullable(),
  signatures: z.array(signatureCheckView),
  /** Signed by an intern or probationer, not yet counter-signed by a licensed doctor (ID-03). */
  needsCountersign: z.boolean(),
});
export type VerificationView = z.infer<typeof verificationView>;

export const signedView = z.object({
  signatureId: z.string(),
  targetId: z.string(),
  targetRev: z.string(),
  signedAt: isoTimestamp,
  needsCountersign: z.boolean(),
});
export type SignedView = z.infer<typeof signedView>;

export const diffPart = z.object({ kind: z.enum(['same', 'added', 'removed']), text: z.string() });
export type DiffPart = z.infer<typeof diffPart>;

export const versionView = z.object({
  id: z.string(),
  /** 0 for the original document, then 1, 2, … for its amendments. */
  sequence: z.number().int().min(0),
  author: z.object({ username: z.string(), displayName: z.string() }),
  at: isoTimestamp,
  reason: z.string().nullable(),
  content: z.record(z.string(), z.string()),
  verification: verificationView,
});
export type VersionView = z.infer<typeof versionView>;

export const versionChangeView = z.object({
  fromId: z.string(),
  toId: z.string(),
  fields: z.array(z.object({ field: z.string(), before: z.string(), after: z.string(), parts: z.array(diffPart) })),
});

export const amendmentHistoryView = z.object({ targetId: z.string(), versions: z.array(versionView), changes: z.array(versionChangeView) });
export type AmendmentHistoryView = z.infer<typeof amendmentHistoryView>;

export const signingContract = {
  'signing.status': method({
    input: z.object({}).strict(),
    output: signingStatusView,
    permission: 'session',
    requiresSetup: true,
    audit: 'none',
    summary: '我的签名 PIN 状态',
  }),
  'signing.setPin': method({
    input: z.object({ pin: newSigningPin }).strict(),
    output: signingStatusView,
    permission: 'session',
    requiresSetup: true,
    audit: 'write',
    summary: '设置签名 PIN（在本机生成签名密钥）',
  }),
  'signing.changePin': method({
    input: z.object({ oldPin: signingPin, newPin: newSigningPin }).strict(),
    output: signingStatusView,
    permission: 'session',
    requiresSetup: true,
    audit: 'write',
    summary: '修改签名 PIN',
  }),
  'signing.sign': method({
    input: z.object({ targetId: documentId, pin: signingPin }).strict(),
    output: signedView,
    permission: 'encounter.chart',
    requiresSetup: true,
    audit: 'write',
    summary: '签名',
  }),
  'signing.countersign': method({
    input: z.object({ targetId: documentId, pin: signingPin }).strict(),
    output: signedView,
    permission: 'encounter.chart',
    requiresSetup: true,
    audit: 'write',
    summary: '上级医师审签',
  }),
  'signing.verify': method({
    input: z.object({ targetId: documentId }).strict(),
    output: verificationView,
    permission: 'patient.read',
    requiresSetup: true,
    audit: 'read',
    summary: '验证签名',
  }),
  'amendments.create': method({
    input: z
      .object({
        targetId: documentId,
        reason: z.string().trim().min(2, '请填写修改原因（至少 2 个字）').max(500, '修改原因不超过 500 个字'),
        /** The full new values of the document's content fields (its type's `signing.contentFields`). */
        content: z.record(z.string(), z.unknown()),
        pin: signingPin,
      })
      .strict(),
    output: signedView,
    permission: 'encounter.chart',
    requiresSetup: true,
    audit: 'write',
    summary: '修改已签署的病历（须填原因并签名）',
  }),
  'amendments.history': method({
    input: z.object({ targetId: documentId }).strict(),
    output: amendmentHistoryView,
    permission: 'patient.read',
    requiresSetup: true,
    audit: 'read',
    summary: '病历的各个版本及修改之处',
  }),
} as const;
