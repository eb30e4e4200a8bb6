import type { SigningQueries } from '../../db/queries';
import type { DocumentStoreApi } from '../../db/store/types';
import type { SignatureCheckView } from '../../shared/api/signing';
import { checkSignature } from './verify';

export interface SignatureAuditResult {
  readonly checked: number;
  readonly verified: number;
  /** Each signature that fails, with the document it was over. */
  readonly failures: ReadonlyArray<{ readonly targetId: string; readonly check: SignatureCheckView }>;
}

/** Checks every signature (a patient's, or those made since a time): the verification command. */
export function verifyAllSignatures(
  store: DocumentStoreApi,
  queries: SigningQueries,
  filter: { patientId?: string; since?: string } = {},
): SignatureAuditResult {
  const failures: Array<{ targetId: string; check: SignatureCheckView }> = [];
  let checked = 0;
  for (const row of queries.listSignatures(filter)) {
    const stored = store.get(row.id);
    checked += 1;
    const check = stored ? checkSignature(store, stored) : null;
    if (check === null) {
      failures.push({ targetId: row.targetId, check: missingSignature(row.id, row.signer, row.signedAt) });
    } else if (check.status !== 'verified') failures.push({ targetId: row.targetId, check });
  }
  return { checked, verified: checked - failures.length, failures };
}

/** A signature listed in the index whose record is gone: as altered as a record can be. */
function missingSignature(id: string, signer: string, signedAt: string): SignatureCheckView {
  return {
    signatureId: id,
    purpose: 'sign',
    status: 'altered',
    signer: { username: signer, displayName: signer, practice: 'other' },
    signedAt,
    clock: { source: 'local', checked_at: null, offset_ms: null },
    countyStampedAt: null,
    failure: { kind: 'signature_altered', documentId: id, message: `签名记录 ${id} 不见了。` },
  };
}
