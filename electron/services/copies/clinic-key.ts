/**
 * The clinic's SM2 key for certified copies on this PC. Made the first time this PC prints a copy:
 * the public half is published as a replicated `clinic_key` document (every PC verifies every
 * copy), the private half is sealed like a clinician's signing key (scrypt + SM4-GCM,
 * electron/signing/key-vault.ts) in a `_local` document that never replicates. Its seal secret is not
 * a PIN — the copy desk prints without one — but 32 random bytes in a file of the data folder
 * (`copy-key.secret`, owner-only), so the database alone (a backup, the county's replica) does not
 * hold what opens the key.
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { monotonicFactory } from 'ulid';
import { sm2 } from 'sm-crypto-v2';
import type { DocumentStoreApi } from '../../../db/store/types';
import { ApiFailure } from '../../../shared/api/errors';
import type { ClinicKeyDoc } from '../../../shared/docs';
import { openPrivateKey, sealPrivateKey, type SealedPrivateKey } from '../../signing';
import { sm2Signer, type CopySigner } from '../../print/certified-copy/payload';
import { documentStamp } from '../clinic-data';

const LOCAL_ID = '_local/clinic_key/certified_copy';
const SECRET_FILE = 'copy-key.secret';
/** The secret is random, not a PIN: a cheap KDF is enough. */
const KDF = { n: 1024, r: 8, p: 1 } as const;
const nextUlid = monotonicFactory();

function secret(dataDir: string): string {
  const file = path.join(dataDir, SECRET_FILE);
  if (!existsSync(file)) {
    writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 });
    chmodSync(file, 0o600);
  }
  return readFileSync(file, 'utf8').trim();
}

/** This PC's clinic key, made and published on first use; returns a signer for one copy. */
export async function clinicCopySigner(store: DocumentStoreApi, dataDir: string, clinicCode: string, workstation: string, by: string): Promise<CopySigner> {
  const local = store.getLocal(LOCAL_ID);
  if (local) {
    const sealed = local.sealed as SealedPrivateKey;
    const privateKey = await openPrivateKey(sealed, secret(dataDir));
    if (privateKey === null) throw new ApiFailure('INTERNAL', '本机的复印件签章密钥打不开（数据目录里的 copy-key.secret 被换过或损坏）。请联系系统管理员。');
    return sm2Signer(sealed.keyId, privateKey);
  }
  const keyPair = sm2.generateKeyPairHex();
  const keyId = `clinic_key:${nextUlid()}`;
  const sealed = await sealPrivateKey(keyId, keyPair, secret(dataDir), KDF);
  const published: ClinicKeyDoc = {
    _id: keyId,
    type: 'clinic_key',
    ...documentStamp(clinicCode, by),
    purpose: 'certified_copy',
    workstation,
    algorithm: 'SM2',
    public_key: keyPair.publicKey,
    status: 'active',
  };
  store.transaction(() => {
    const [written] = store.bulkDocs([published]);
    if (!written.ok) throw new ApiFailure('CONFLICT', written.reason);
    store.putLocal({ _id: LOCAL_ID, sealed });
  });
  return sm2Signer(keyId, keyPair.privateKey);
}
