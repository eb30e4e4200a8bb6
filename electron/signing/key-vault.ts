/**
 * The private half of a clinician's SM2 key, kept on this PC only, sealed under the signing PIN.
 *
 * - Key derivation: scrypt (node:crypto). Electron's Node runs on BoringSSL, which lacks SM2/SM3/SM4
 *   but has scrypt (EVP_PBE_scrypt); the login passwords use it already (electron/services/passwords.ts).
 *   N=2^15, r=8, p=1: about 100 ms and 32 MB per try, so guessing a 6-digit PIN from a copied
 *   database costs days of CPU rather than seconds; the app itself stops after five wrong PINs.
 * - Wrapping: SM4-GCM from sm-crypto-v2. GCM's tag tells a wrong PIN from a right one without
 *   decrypting into garbage.
 *
 * Stored as a `_local/signing_key/<username>` document: `_local` documents never replicate, so the
 * sealed key never leaves the PC (README.md in this folder says why).
 */
import { randomBytes, scrypt } from 'node:crypto';
import { sm2, sm4 } from 'sm-crypto-v2';
import type { DocumentStoreApi } from '../../db/store/types';

export interface KdfParams {
  readonly n: number;
  readonly r: number;
  readonly p: number;
}

export const DEFAULT_KDF: KdfParams = { n: 32768, r: 8, p: 1 };

/** The sealed private key as stored (all binary fields base64). */
export interface SealedPrivateKey {
  readonly keyId: string;
  readonly publicKey: string;
  readonly kdf: { readonly name: 'scrypt'; readonly salt: string } & KdfParams;
  readonly cipher: 'SM4-GCM';
  readonly iv: string;
  readonly tag: string;
  readonly data: string;
}

const IV_BYTES = 12;
const MAX_MEMORY = 64 * 1024 * 1024;

function deriveKey(pin: string, salt: Buffer, params: KdfParams): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(pin, salt, 16, { N: params.n, r: params.r, p: params.p, maxmem: MAX_MEMORY }, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

export async function sealPrivateKey(
  keyId: string,
  keyPair: { privateKey: string; publicKey: string },
  pin: string,
  params: KdfParams,
): Promise<SealedPrivateKey> {
  const salt = randomBytes(16);
  const iv = randomBytes(IV_BYTES);
  const key = await deriveKey(pin, salt, params);
  const { output, tag } = sm4.encrypt(Buffer.from(keyPair.privateKey, 'hex'), key, { mode: 'gcm', iv, output: 'array', outputTag: true });
  if (!tag) throw new Error('SM4-GCM gave no tag');
  return {
    keyId,
    publicKey: keyPair.publicKey,
    kdf: { name: 'scrypt', salt: salt.toString('base64'), ...params },
    cipher: 'SM4-GCM',
    iv: iv.toString('base64'),
    tag: Buffer.from(tag).toString('base64'),
    data: Buffer.from(output).toString('base64'),
  };
}

/** The private key in hex, or null when the PIN is wrong. */
export async function openPrivateKey(sealed: SealedPrivateKey, pin: string): Promise<string | null> {
  const key = await deriveKey(pin, Buffer.from(sealed.kdf.salt, 'base64'), sealed.kdf);
  let plain: Uint8Array;
  try {
    plain = sm4.decrypt(Buffer.from(sealed.data, 'base64'), key, {
      mode: 'gcm',
      iv: Buffer.from(sealed.iv, 'base64'),
      tag: Buffer.from(sealed.tag, 'base64'),
      output: 'array',
    });
  } catch {
    return null;
  }
  const privateKey = Buffer.from(plain).toString('hex');
  // The tag already proved the PIN; this proves the stored public key is this key's.
  return sm2.getPublicKeyFromPrivateKey(privateKey) === sealed.publicKey ? privateKey : null;
}

const localId = (username: string) => `_local/signing_key/${username}`;

export function readSealedKey(store: DocumentStoreApi, username: string): SealedPrivateKey | null {
  const doc = store.getLocal(localId(username));
  return doc ? (doc.sealed as SealedPrivateKey) : null;
}

export function saveSealedKey(store: DocumentStoreApi, username: string, sealed: SealedPrivateKey): void {
  const existing = store.getLocal(localId(username));
  store.putLocal({ _id: localId(username), ...(existing ? { _rev: existing._rev } : {}), sealed });
}
