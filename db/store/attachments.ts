import { DocumentRefused } from './errors';
import { attachmentDigest } from './rev-hash';
import type { StoreStatements } from './statements';
import type { AttachmentInput, AttachmentStub } from './types';

/**
 * Attachments (scanned pages) are kept once per content, keyed by their md5 digest as CouchDB
 * names it; a revision's body holds only stubs. Bytes are never deleted, like revision bodies.
 */

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

function decodeData(name: string, data: unknown): Buffer {
  if (data instanceof Uint8Array) return Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  if (typeof data === 'string') {
    const compact = data.replace(/\s+/g, '');
    if (compact.length % 4 !== 0 || !BASE64.test(compact)) throw new DocumentRefused('bad_request', `附件 ${name} 的数据不是有效的 base64`);
    return Buffer.from(compact, 'base64');
  }
  throw new DocumentRefused('bad_request', `附件 ${name} 缺少数据`);
}

/** Attachments of a write, checked, with their bytes not yet stored. */
export interface PreparedAttachments {
  readonly stubs: Record<string, AttachmentStub>;
  readonly pending: ReadonlyArray<{ readonly digest: string; readonly bytes: Buffer }>;
}

/**
 * Checks a write's attachments and turns them into the stubs its body will keep. `revpos` is the
 * position of the revision being written; a replicated attachment keeps the `revpos` it came with.
 * A stub must name bytes this database already holds. Nothing is written: `saveAttachmentBytes`
 * does that once the whole document has passed its checks.
 */
export function prepareAttachments(
  statements: StoreStatements,
  inputs: Readonly<Record<string, AttachmentInput>>,
  revpos: number,
  keepGivenRevpos: boolean,
): PreparedAttachments {
  const stubs: Record<string, AttachmentStub> = {};
  const pending: Array<{ digest: string; bytes: Buffer }> = [];
  for (const name of Object.keys(inputs)) {
    const input = inputs[name] as Partial<AttachmentStub> & { data?: unknown };
    if (input === null || typeof input !== 'object') throw new DocumentRefused('bad_request', `附件 ${name} 格式不对`);
    const contentType = typeof input.content_type === 'string' && input.content_type ? input.content_type : 'application/octet-stream';
    const givenRevpos = typeof input.revpos === 'number' && Number.isInteger(input.revpos) && input.revpos > 0 ? input.revpos : undefined;
    if (input.data !== undefined) {
      const bytes = decodeData(name, input.data);
      const digest = attachmentDigest(bytes);
      pending.push({ digest, bytes });
      stubs[name] = {
        content_type: contentType,
        digest,
        length: bytes.byteLength,
        revpos: keepGivenRevpos && givenRevpos !== undefined ? givenRevpos : revpos,
        stub: true,
      };
      continue;
    }
    if (typeof input.digest !== 'string') throw new DocumentRefused('bad_request', `附件 ${name} 既没有数据也没有摘要`);
    const length = statements.attachmentLength.get(input.digest) ?? pending.find((p) => p.digest === input.digest)?.bytes.byteLength;
    if (length === undefined) throw new DocumentRefused('bad_request', `附件 ${name} 引用的内容不存在（${input.digest}）`);
    stubs[name] = { content_type: contentType, digest: input.digest, length, revpos: givenRevpos ?? revpos, stub: true };
  }
  return { stubs, pending };
}

/** Stores the bytes of a write's inline attachments; content already held is not stored twice. */
export function saveAttachmentBytes(statements: StoreStatements, prepared: PreparedAttachments): void {
  for (const { digest, bytes } of prepared.pending) statements.insertAttachment.run(digest, bytes, bytes.byteLength);
}

export interface InlineAttachment {
  readonly content_type: string;
  readonly digest: string;
  readonly revpos: number;
  readonly length: number;
  /** base64 */
  readonly data: string;
}

/** The `_attachments` of a read with `attachments: true`: stubs replaced by base64 data. */
export function inlineAttachments(statements: StoreStatements, stubs: Readonly<Record<string, AttachmentStub>>): Record<string, InlineAttachment> {
  const out: Record<string, InlineAttachment> = {};
  for (const name of Object.keys(stubs)) {
    const stub = stubs[name];
    const bytes = statements.selectAttachment.get(stub.digest);
    if (!bytes) throw new Error(`attachment bytes missing for ${stub.digest}`);
    out[name] = { content_type: stub.content_type, digest: stub.digest, revpos: stub.revpos, length: stub.length, data: bytes.toString('base64') };
  }
  return out;
}
