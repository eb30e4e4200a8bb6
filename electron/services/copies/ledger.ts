/** The disclosure log and the clinic's public keys as this PC's store holds them: what verification reads. */
import type { DocumentStoreApi } from '../../../db/store/types';
import { clinicKeyDoc, disclosureDoc } from '../../../shared/docs';
import type { CopyVerdictView } from '../../../shared/api/copies';
import { type CopyLedger, verifyCopyPdf } from '../../print/certified-copy/verify';
import { verdictView } from './views';

export function storeLedger(store: DocumentStoreApi): CopyLedger {
  return {
    disclosure(copyId) {
      const parsed = disclosureDoc.safeParse(store.get(copyId));
      return parsed.success ? parsed.data : null;
    },
    clinicKey(keyId) {
      const parsed = clinicKeyDoc.safeParse(store.get(keyId));
      return parsed.success ? parsed.data : null;
    },
  };
}

/** A certified copy's PDF checked against this store's disclosure log and clinic keys (the CLI's verify-copy). */
export async function verifyCopyFile(store: DocumentStoreApi, bytes: Uint8Array): Promise<CopyVerdictView> {
  return verdictView(await verifyCopyPdf(bytes, storeLedger(store)));
}
