/**
 * Checking signatures: each signature record against its signer's published key (SM2 over the
 * record, so a changed signer, time or digest is caught), and the signed document's current body
 * against the digest in it (so a changed body is caught). REGULATIONS.md ID-06 (3) and (4).
 */
import { sm2 } from 'sm-crypto-v2';
import type { DocumentStoreApi, StoredDocument } from '../../db/store/types';
import type { SignatureCheckView, VerificationView, VerificationFailureKind } from '../../shared/api/signing';
import { signatureDoc, signatureTimestampIdFor, signingKeyDoc, type SignatureDoc } from '../../shared/docs';
import { bodyDigest, signatureStatement } from './canonical-body';

const FAILURE_MESSAGES: Readonly<Record<VerificationFailureKind, (id: string) => string>> = {
  body_altered: (id) => `记录 ${id} 的内容在签名后被改动过，与签名时不一致。`,
  signature_altered: (id) => `签名记录 ${id} 被改动过，或签名值无效。`,
  target_missing: (id) => `签名所指的记录 ${id} 不存在或已被删除。`,
  unknown_key: (id) => `签名 ${id} 所用的公钥在本机没有记录（可能尚未同步过来），无法验证。`,
  key_revoked: (id) => `签名 ${id} 所用的公钥在签名前已被吊销。`,
  key_not_signers: (id) => `签名 ${id} 所用的公钥不属于署名的签名人。`,
};

type Failure = NonNullable<SignatureCheckView['failure']>;
const failure = (kind: VerificationFailureKind, documentId: string): Failure => ({ kind, documentId, message: FAILURE_MESSAGES[kind](documentId) });

function keyProblem(store: DocumentStoreApi, signature: SignatureDoc): Failure | 'ok' {
  const parsed = signingKeyDoc.safeParse(store.get(signature.key_id));
  if (!parsed.success) return failure('unknown_key', signature._id);
  const key = parsed.data;
  if (key.username !== signature.signer.username) return failure('key_not_signers', signature._id);
  if (key.status === 'revoked' && (key.status_at ?? '') <= signature.signed_at) return failure('key_revoked', signature._id);
  if (!sm2.doVerifySignature(signatureStatement(signature), signature.signature, key.public_key, { hash: true }))
    return failure('signature_altered', signature._id);
  return 'ok';
}

/** One signature record, checked. A record that no longer fits its schema counts as altered. */
export function checkSignature(store: DocumentStoreApi, stored: StoredDocument): SignatureCheckView {
  const parsed = signatureDoc.safeParse(stored);
  if (!parsed.success) {
    const signer = (stored.signer ?? {}) as { username?: unknown; display_name?: unknown };
    return {
      signatureId: stored._id,
      purpose: stored.purpose === 'countersign' ? 'countersign' : 'sign',
      status: 'altered',
      signer: { username: String(signer.username ?? ''), displayName: String(signer.display_name ?? ''), practice: 'other' },
      signedAt: typeof stored.signed_at === 'string' ? stored.signed_at : new Date(0).toISOString(),
      clock: { source: 'local', checked_at: null, offset_ms: null },
      countyStampedAt: null,
      failure: failure('signature_altered', stored._id),
    };
  }
  const signature = parsed.data;
  const stamp = store.get(signatureTimestampIdFor(signature._id));
  const base = {
    signatureId: signature._id,
    purpose: signature.purpose,
    signer: { username: signature.signer.username, displayName: signature.signer.display_name, practice: signature.signer.practice },
    signedAt: signature.signed_at,
    clock: signature.clock,
    countyStampedAt: typeof stamp?.stamped_at === 'string' ? stamp.stamped_at : null,
  };
  const key = keyProblem(store, signature);
  if (key !== 'ok') return { ...base, status: key.kind === 'signature_altered' || key.kind === 'key_not_signers' ? 'altered' : 'unknown_key', failure: key };
  const target = store.get(signature.target_id);
  if (!target) return { ...base, status: 'altered', failure: failure('target_missing', signature.target_id) };
  if (bodyDigest(target) !== signature.body_sm3) return { ...base, status: 'altered', failure: failure('body_altered', signature.target_id) };
  return { ...base, status: 'verified', failure: null };
}

const SEVERITY = { altered: 2, unknown_key: 1, verified: 0 } as const;

/** A document's signatures, checked, summed up as its worst one; `needsCountersign` per ID-03. */
export function summarizeVerification(targetId: string, checks: ReadonlyArray<SignatureCheckView>): VerificationView {
  const signed = checks.filter((c) => c.purpose === 'sign');
  const first = signed[0] ?? checks[0];
  if (!first) return { targetId, status: 'unsigned', signer: null, signedAt: null, failure: null, signatures: [], needsCountersign: false };
  const worst = checks.reduce((a, b) => (SEVERITY[b.status] > SEVERITY[a.status] ? b : a));
  const countersigned = new Set(checks.filter((c) => c.purpose === 'countersign').map((c) => c.signer.username));
  const needsCountersign = signed.some((c) => c.signer.practice === 'trainee') && countersigned.size === 0;
  return { targetId, status: worst.status, signer: first.signer, signedAt: first.signedAt, failure: worst.failure, signatures: [...checks], needsCountersign };
}
