/**
 * Encrypting a SQLite snapshot into a backup file and back, a chunk at a time so a database of a
 * million patients never sits in memory (nor twice). SM4-GCM from sm-crypto-v2 (Electron's Node has
 * no SM4); the key comes from the backup passphrase through scrypt, with a fresh salt per file.
 */
import { createHash, randomBytes, scrypt } from 'node:crypto';
import { closeSync, fstatSync, openSync, readSync, writeSync } from 'node:fs';
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import { sm4 } from 'sm-crypto-v2';
import {
  BACKUP_FORMAT_VERSION,
  BACKUP_MAGIC,
  backupHeader,
  chunkAad,
  chunkCount,
  DEFAULT_CHUNK_SIZE,
  encodeHeader,
  expectedFileBytes,
  HASH_BYTES,
  KEY_CHECK_INDEX,
  MAX_HEADER_BYTES,
  nonceOf,
  TAG_BYTES,
  type BackupHeader,
  type KdfParameters,
} from './format';
import { BackupRefused } from './refusal';

/** scrypt at N=2^15, r=8: 32 MiB and a fraction of a second per try, so guessing passphrases is slow. */
export const DEFAULT_KDF: Omit<KdfParameters, 'salt'> = { name: 'scrypt', N: 1 << 15, r: 8, p: 1 };

export type ByteProgress = (done: number, total: number) => void;

export function deriveBackupKey(passphrase: string, kdf: KdfParameters): Promise<Buffer> {
  const maxmem = 128 * kdf.N * kdf.r * kdf.p + 16 * 1024 * 1024;
  return new Promise((resolve, reject) => {
    scrypt(passphrase.normalize('NFC'), Buffer.from(kdf.salt, 'base64'), 16, { N: kdf.N, r: kdf.r, p: kdf.p, maxmem }, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

function seal(key: Buffer, nonce: Buffer, plain: Uint8Array, aad: Buffer): Buffer {
  const { output, tag } = sm4.encrypt(plain, key, { mode: 'gcm', iv: nonce, associatedData: aad, output: 'array', outputTag: true });
  if (!tag) throw new Error('SM4-GCM gave no tag');
  return Buffer.concat([Buffer.from(output), Buffer.from(tag)]);
}

/** The plain bytes, or null when the tag does not match (wrong key, or bytes changed). */
function open(key: Buffer, nonce: Buffer, sealed: Buffer, aad: Buffer): Buffer | null {
  try {
    const cipher = sealed.subarray(0, sealed.length - TAG_BYTES);
    const tag = sealed.subarray(sealed.length - TAG_BYTES);
    return Buffer.from(sm4.decrypt(cipher, key, { mode: 'gcm', iv: nonce, tag, associatedData: aad, output: 'array' }));
  } catch {
    return null;
  }
}

function readExactly(fd: number, length: number, position: number): Buffer {
  const buffer = Buffer.alloc(length);
  let got = 0;
  while (got < length) {
    const n = readSync(fd, buffer, got, length - got, position + got);
    if (n === 0) break;
    got += n;
  }
  return got === length ? buffer : buffer.subarray(0, got);
}

/** SHA-256 and size of a file, read in chunks. */
export async function digestFile(file: string, onProgress?: ByteProgress): Promise<{ sha256: string; bytes: number }> {
  const fd = openSync(file, 'r');
  try {
    const total = fstatSync(fd).size;
    const hash = createHash('sha256');
    for (let at = 0; at < total;) {
      const chunk = readExactly(fd, Math.min(8 * DEFAULT_CHUNK_SIZE, total - at), at);
      hash.update(chunk);
      at += chunk.length;
      onProgress?.(at, total);
      await yieldToLoop();
    }
    return { sha256: hash.digest('hex'), bytes: total };
  } finally {
    closeSync(fd);
  }
}

export type BackupFacts = Pick<BackupHeader, 'clinicCode' | 'clinicName' | 'workstation' | 'createdAt' | 'appVersion'>;

/** Writes the encrypted form of `plainFile` to the open file `outFd`; returns the header written. */
export async function encryptToFile(
  plainFile: string,
  outFd: number,
  options: { passphrase: string; facts: BackupFacts; chunkSize?: number; kdf?: Omit<KdfParameters, 'salt'>; onProgress?: ByteProgress },
): Promise<BackupHeader> {
  const chunkSize = options.chunkSize ?? DEFAULT_CHUNK_SIZE;
  options.onProgress?.(0, 1);
  const digest = await digestFile(plainFile);
  const kdf: KdfParameters = { ...(options.kdf ?? DEFAULT_KDF), salt: randomBytes(16).toString('base64') };
  const prefix = randomBytes(8);
  const header: BackupHeader = {
    format: 'township-clinic-backup',
    version: BACKUP_FORMAT_VERSION,
    ...options.facts,
    kdf,
    cipher: 'SM4-GCM',
    noncePrefix: prefix.toString('base64'),
    chunkSize,
    plainBytes: digest.bytes,
    plainSha256: digest.sha256,
  };
  const key = await deriveBackupKey(options.passphrase, kdf);
  const head = encodeHeader(header);
  const headerHash = createHash('sha256').update(head).digest();
  writeSync(outFd, head);
  writeSync(outFd, headerHash);
  writeSync(outFd, seal(key, nonceOf(prefix, KEY_CHECK_INDEX), new Uint8Array(0), headerHash).subarray(-TAG_BYTES));
  const fd = openSync(plainFile, 'r');
  try {
    const chunks = chunkCount(header);
    for (let i = 0; i < chunks; i += 1) {
      const plain = readExactly(fd, Math.min(chunkSize, header.plainBytes - i * chunkSize), i * chunkSize);
      writeSync(outFd, seal(key, nonceOf(prefix, i), plain, chunkAad(headerHash, i === chunks - 1)));
      options.onProgress?.(Math.min((i + 1) * chunkSize, header.plainBytes), header.plainBytes);
      await yieldToLoop();
    }
  } finally {
    closeSync(fd);
  }
  return header;
}

/** Reads and checks a backup's header (no passphrase needed): what the restore screen lists. */
export function readBackupHeader(fd: number): { header: BackupHeader; headerBytes: Buffer; headerHash: Buffer; fileBytes: number } {
  const fileBytes = fstatSync(fd).size;
  const start = readExactly(fd, BACKUP_MAGIC.length + 4, 0);
  if (start.length < BACKUP_MAGIC.length + 4 || !start.subarray(0, BACKUP_MAGIC.length).equals(BACKUP_MAGIC)) {
    throw new BackupRefused('BACKUP_NOT_A_BACKUP');
  }
  const length = start.readUInt32LE(BACKUP_MAGIC.length);
  if (length > MAX_HEADER_BYTES) throw new BackupRefused('BACKUP_DAMAGED', 'header length');
  const headerBytes = readExactly(fd, start.length + length, 0);
  const storedHash = readExactly(fd, HASH_BYTES, headerBytes.length);
  if (headerBytes.length < start.length + length || storedHash.length < HASH_BYTES) throw new BackupRefused('BACKUP_TRUNCATED', 'header');
  const headerHash = createHash('sha256').update(headerBytes).digest();
  if (!headerHash.equals(storedHash)) throw new BackupRefused('BACKUP_DAMAGED', 'header hash');
  let parsed: unknown;
  try {
    parsed = JSON.parse(headerBytes.subarray(start.length).toString('utf8'));
  } catch {
    throw new BackupRefused('BACKUP_DAMAGED', 'header JSON');
  }
  const version = (parsed as { version?: unknown }).version;
  if (typeof version === 'number' && version > BACKUP_FORMAT_VERSION) throw new BackupRefused('BACKUP_NEWER_FORMAT');
  const header = backupHeader.safeParse(parsed);
  if (!header.success) throw new BackupRefused('BACKUP_DAMAGED', 'header fields');
  return { header: header.data, headerBytes, headerHash, fileBytes };
}

/**
 * Decrypts `backupFile` into `outFd`, checking every chunk's tag, the length and the plain digest.
 * Throws `BackupRefused` (wrong passphrase, truncated, altered); `outFd` then holds garbage the
 * caller deletes.
 */
export async function decryptToFile(backupFile: string, outFd: number, passphrase: string, onProgress?: ByteProgress): Promise<BackupHeader> {
  const fd = openSync(backupFile, 'r');
  try {
    const { header, headerBytes, headerHash, fileBytes } = readBackupHeader(fd);
    const prefix = Buffer.from(header.noncePrefix, 'base64');
    const key = await deriveBackupKey(passphrase, header.kdf);
    let at = headerBytes.length + HASH_BYTES;
    const keyCheck = readExactly(fd, TAG_BYTES, at);
    if (keyCheck.length < TAG_BYTES) throw new BackupRefused('BACKUP_TRUNCATED', 'key check');
    at += TAG_BYTES;
    if (open(key, nonceOf(prefix, KEY_CHECK_INDEX), keyCheck, headerHash) === null) {
      // The key check itself may be the byte that changed: if the first chunk opens, the passphrase is right.
      const first = readExactly(fd, Math.min(header.chunkSize, header.plainBytes) + TAG_BYTES, at);
      const opens = open(key, nonceOf(prefix, 0), first, chunkAad(headerHash, chunkCount(header) === 1)) !== null;
      throw new BackupRefused(opens ? 'BACKUP_DAMAGED' : 'BACKUP_WRONG_PASSPHRASE', 'key check');
    }
    const expected = expectedFileBytes(header, headerBytes.length - BACKUP_MAGIC.length - 4);
    if (fileBytes < expected) throw new BackupRefused('BACKUP_TRUNCATED', `${fileBytes} of ${expected} bytes`);
    if (fileBytes > expected) throw new BackupRefused('BACKUP_DAMAGED', `${fileBytes - expected} bytes too many`);
    const hash = createHash('sha256');
    const chunks = chunkCount(header);
    for (let i = 0; i < chunks; i += 1) {
      const plainLength = Math.min(header.chunkSize, header.plainBytes - i * header.chunkSize);
      const sealed = readExactly(fd, plainLength + TAG_BYTES, at);
      const plain = open(key, nonceOf(prefix, i), sealed, chunkAad(headerHash, i === chunks - 1));
      if (plain === null) throw new BackupRefused('BACKUP_DAMAGED', `chunk ${i}`);
      hash.update(plain);
      writeSync(outFd, plain);
      at += sealed.length;
      onProgress?.(Math.min((i + 1) * header.chunkSize, header.plainBytes), header.plainBytes);
      await yieldToLoop();
    }
    if (hash.digest('hex') !== header.plainSha256) throw new BackupRefused('BACKUP_DAMAGED', 'plain digest');
    return header;
  } finally {
    closeSync(fd);
  }
}
