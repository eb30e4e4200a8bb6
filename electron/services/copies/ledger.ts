/** The disclosure log and the clinic's public keys as this PC's store holds them: what verification reads. */
import type { DocumentStoreApi } from '../../../db/store/types';
import { clinicKeyDoc, disclosureDoc } from '../../../shared/docs';
import type { CopyLedger } from '../../print/certified-copy/verify';

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
