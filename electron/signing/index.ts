/** Electronic signatures and amendments: see README.md in this folder. */
export { Amendments, type AmendmentInput } from './amendments';
export { bodyDigest, coveredBody, COVERED_FORM, signatureStatement } from './canonical-body';
export { DEFAULT_KDF, type KdfParams } from './key-vault';
export { LOCK_MS, MAX_WRONG_PINS } from './pin-lock';
export { practiceOf, PRACTICE_LABELS, type Signer } from './signer';
export { SigningService, type OpenedKey, type SigningServiceOptions } from './signing-service';
export { diffText, fieldText } from './text-diff';
export { checkSignature, summarizeVerification } from './verify';
export { verifyAllSignatures, type SignatureAuditResult } from './verify-all';
export { openPrivateKey, sealPrivateKey, type SealedPrivateKey } from './key-vault';
