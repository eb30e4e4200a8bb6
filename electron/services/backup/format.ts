/**
 * The backup file (`.tcbak`), written down in README.md beside this file:
 *
 *   magic "TCBACKUP" | u32 LE header length | header (UTF-8 JSON) | SHA-256 of everything before it (32)
 *   | key check: the SM4-GCM tag of nothing under the key, header hash as associated data (16)
 *   | chunks: SM4-GCM ciphertext of `chunkSize` plain bytes (the last one shorter) + its tag (16)
 *
 * Chunk i is sealed with the nonce `noncePrefix || u32 BE i` and the associated data
 * `header hash || final flag`, so a chunk moved, dropped, repeated or cut off, or a header edited,
 * fails its tag (the STREAM construction of Hoang, Reyhanitabar, Rogaway and Vizár, as in age and Tink).
 */
import { z } from 'zod';

export const BACKUP_MAGIC = Buffer.from('TCBACKUP', 'ascii');
export const BACKUP_FORMAT_VERSION = 1;
export const BACKUP_EXTENSION = '.tcbak';
export const TAG_BYTES = 16;
export const HASH_BYTES = 32;
export const DEFAULT_CHUNK_SIZE = 1024 * 1024;
/** A header is a few hundred bytes; anything far larger is not one of ours. */
export const MAX_HEADER_BYTES = 64 * 1024;

export const kdfParameters = z.object({
  name: z.literal('scrypt'),
  /** Random, base64; a new one for every backup. */
  salt: z.string().min(16),
  N: z
    .number()
    .int()
    .min(1024)
    .max(1 << 20),
  r: z.number().int().min(1).max(32),
  p: z.number().int().min(1).max(16),
});
export type KdfParameters = z.infer<typeof kdfParameters>;

export const backupHeader = z.object({
  format: z.literal('township-clinic-backup'),
  version: z.number().int().positive(),
  clinicCode: z.string(),
  clinicName: z.string(),
  workstation: z.string(),
  createdAt: z.string(),
  appVersion: z.string(),
  kdf: kdfParameters,
  cipher: z.literal('SM4-GCM'),
  /** 8 random bytes, base64: the first part of every chunk's nonce. */
  noncePrefix: z.string(),
  chunkSize: z
    .number()
    .int()
    .min(4096)
    .max(64 * 1024 * 1024),
  plainBytes: z.number().int().positive(),
  /** SHA-256 (hex) of the SQLite file inside: checked again after decryption. */
  plainSha256: z.string().regex(/^[0-9a-f]{64}$/),
});
export type BackupHeader = z.infer<typeof backupHeader>;

export function chunkCount(header: Pick<BackupHeader, 'plainBytes' | 'chunkSize'>): number {
  return Math.ceil(header.plainBytes / header.chunkSize);
}

/** Bytes before the first chunk. */
export function preambleBytes(headerJsonBytes: number): number {
  return BACKUP_MAGIC.length + 4 + headerJsonBytes + HASH_BYTES + TAG_BYTES;
}

/** The whole file's length, as the header says it must be. */
export function expectedFileBytes(header: BackupHeader, headerJsonBytes: number): number {
  return preambleBytes(headerJsonBytes) + header.plainBytes + chunkCount(header) * TAG_BYTES;
}

export function encodeHeader(header: BackupHeader): Buffer {
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32LE(json.length);
  return Buffer.concat([BACKUP_MAGIC, length, json]);
}

/** Nonce of chunk `index` (12 bytes); the key check uses the index 0xFFFFFFFF, which no chunk reaches. */
export function nonceOf(prefix: Buffer, index: number): Buffer {
  const nonce = Buffer.alloc(12);
  prefix.copy(nonce, 0, 0, 8);
  nonce.writeUInt32BE(index >>> 0, 8);
  return nonce;
}

export const KEY_CHECK_INDEX = 0xffffffff;

export function chunkAad(headerHash: Buffer, final: boolean): Buffer {
  return Buffer.concat([headerHash, Buffer.from([final ? 1 : 0])]);
}
