/**
 * Sealing the few secrets a workstation must keep (the county sync password), so they are not
 * readable in the database file. The database gets copied: to a USB stick as a backup, to a new
 * PC, to a technician's laptop. A sealed value is useless without what opened it.
 *
 * Two boxes:
 * - `os-keychain`: Electron's safeStorage (Windows DPAPI, the macOS keychain, libsecret on Linux),
 *   bound to the Windows user account. Used by the desktop app whenever the OS offers it.
 * - `key-file`: SM4-GCM (authenticated, so a wrong key is detected, not decrypted into garbage)
 *   with a random 128-bit key in `secret.key` next to the database, readable by the owner only.
 *   Browser mode and the command line use it; so does the desktop app where no keychain exists.
 *   It protects a copied database file, not a copied data folder.
 *
 * Sealed values read `sealed:v1:<box>:<base64>`. Anything else is a value from before sealing and
 * is returned as it is (the caller then seals it again).
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { sm4 } from 'sm-crypto-v2';

export type SecretBoxKind = 'os-keychain' | 'key-file';

export interface SecretBox {
  readonly kind: SecretBoxKind;
  seal(plain: string): string;
  /** The plain text; throws `SecretUnreadable` when this box cannot open it. */
  open(sealed: string): string;
}

export class SecretUnreadable extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'SecretUnreadable';
  }
}

const PREFIX = 'sealed:v1:';

export function isSealed(value: string): boolean {
  return value.startsWith(PREFIX);
}

/** Which box sealed a value (null when it is not sealed). */
export function sealedBy(value: string): string | null {
  if (!isSealed(value)) return null;
  const rest = value.slice(PREFIX.length);
  return rest.slice(0, rest.indexOf(':'));
}

function wrap(kind: SecretBoxKind, bytes: Uint8Array): string {
  return `${PREFIX}${kind}:${Buffer.from(bytes).toString('base64')}`;
}

function unwrap(kind: SecretBoxKind, sealed: string): Buffer {
  if (!isSealed(sealed)) throw new SecretUnreadable('not a sealed value');
  const by = sealedBy(sealed);
  if (by !== kind) throw new SecretUnreadable(`sealed by ${by}, this box opens ${kind}`);
  return Buffer.from(sealed.slice(PREFIX.length + kind.length + 1), 'base64');
}

export const SECRET_KEY_FILE = 'secret.key';
const IV_BYTES = 12;
const TAG_BYTES = 16;

function readOrCreateKey(file: string): Buffer {
  if (existsSync(file)) {
    const key = Buffer.from(readFileSync(file, 'utf8').trim(), 'hex');
    if (key.length !== 16) throw new SecretUnreadable(`${path.basename(file)} is damaged`);
    return key;
  }
  const key = randomBytes(16);
  // `wx`: never overwrite a key another process has just written.
  writeFileSync(file, `${key.toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
  chmodSync(file, 0o600);
  return key;
}

/** SM4-GCM with a key file in `dataDir` (created on the first seal). */
export function keyFileSecretBox(dataDir: string): SecretBox {
  const file = path.join(dataDir, SECRET_KEY_FILE);
  return {
    kind: 'key-file',
    seal(plain) {
      const key = readOrCreateKey(file);
      const iv = randomBytes(IV_BYTES);
      const { output, tag } = sm4.encrypt(Buffer.from(plain, 'utf8'), key, { mode: 'gcm', iv, output: 'array', outputTag: true });
      if (!tag) throw new Error('SM4-GCM gave no tag');
      return wrap('key-file', Buffer.concat([iv, Buffer.from(output), Buffer.from(tag)]));
    },
    open(sealed) {
      const bytes = unwrap('key-file', sealed);
      if (!existsSync(file)) throw new SecretUnreadable(`${SECRET_KEY_FILE} is missing`);
      if (bytes.length < IV_BYTES + TAG_BYTES) throw new SecretUnreadable('sealed value too short');
      const key = readOrCreateKey(file);
      const iv = bytes.subarray(0, IV_BYTES);
      const tag = bytes.subarray(bytes.length - TAG_BYTES);
      const cipher = bytes.subarray(IV_BYTES, bytes.length - TAG_BYTES);
      try {
        const plain = sm4.decrypt(cipher, key, { mode: 'gcm', iv, tag, output: 'array' });
        return Buffer.from(plain).toString('utf8');
      } catch (error) {
        throw new SecretUnreadable(`cannot open with this key: ${error instanceof Error ? error.message : String(error)}`);
      }
    },
  };
}

/** The slice of Electron's `safeStorage` used here (https://www.electronjs.org/docs/latest/api/safe-storage). */
export interface OsSafeStorage {
  isEncryptionAvailable(): boolean;
  encryptString(plain: string): Buffer;
  decryptString(encrypted: Buffer): string;
}

/** The OS keychain through Electron's safeStorage; null when the OS offers none. */
export function osKeychainSecretBox(safeStorage: OsSafeStorage): SecretBox | null {
  if (!safeStorage.isEncryptionAvailable()) return null;
  return {
    kind: 'os-keychain',
    seal: (plain) => wrap('os-keychain', safeStorage.encryptString(plain)),
    open(sealed) {
      const bytes = unwrap('os-keychain', sealed);
      try {
        return safeStorage.decryptString(bytes);
      } catch (error) {
        throw new SecretUnreadable(`the OS keychain cannot open it: ${error instanceof Error ? error.message : String(error)}`);
      }
    },
  };
}

/**
 * Seals with the first box; opens with whichever box sealed the value. The desktop app seals with
 * the OS keychain and still opens what the command line sealed with the key file (a recovery run
 * from the command line, say); the caller seals such a value again with the first box.
 */
export function composeSecretBoxes(preferred: SecretBox, ...others: ReadonlyArray<SecretBox>): SecretBox {
  const boxes = [preferred, ...others];
  return {
    kind: preferred.kind,
    seal: (plain) => preferred.seal(plain),
    open(sealed) {
      const by = sealedBy(sealed);
      const box = boxes.find((b) => b.kind === by);
      if (!box) throw new SecretUnreadable(by === null ? 'not a sealed value' : `sealed by ${by}, which this program cannot open here`);
      return box.open(sealed);
    },
  };
}
