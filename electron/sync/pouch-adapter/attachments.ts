/**
 * Attachments between PouchDB's shapes and the store's. PouchDB (in Node) hands us bytes as
 * Buffers or base64 strings, with `revpos` and often a `digest` already set by the source; the
 * store wants `{content_type, data}` (keeping a replicated `revpos`) or a stub naming bytes it has.
 * https://docs.couchdb.org/en/stable/api/document/common.html#attachments
 */
import type { AttachmentInput, AttachmentStub, StoredDocument } from '../../../db/store/types';

interface IncomingAttachment {
  content_type?: unknown;
  data?: unknown;
  digest?: unknown;
  length?: unknown;
  revpos?: unknown;
  stub?: unknown;
}

export function toStoreAttachments(value: unknown): Record<string, AttachmentInput> | undefined {
  if (value === undefined || value === null || typeof value !== 'object') return undefined;
  const out: Record<string, AttachmentInput> = {};
  for (const [name, raw] of Object.entries(value as Record<string, IncomingAttachment>)) {
    const contentType = typeof raw.content_type === 'string' ? raw.content_type : 'application/octet-stream';
    const revpos = typeof raw.revpos === 'number' ? raw.revpos : undefined;
    if (raw.data !== undefined && raw.data !== null && raw.stub !== true) {
      const data = raw.data instanceof Uint8Array || typeof raw.data === 'string' ? raw.data : String(raw.data);
      // The store keeps a replicated attachment's revpos when one is given (see db/store/attachments.ts).
      out[name] = (revpos === undefined ? { content_type: contentType, data } : { content_type: contentType, data, revpos }) as AttachmentInput;
    } else {
      const stub: AttachmentStub = {
        content_type: contentType,
        digest: String(raw.digest ?? ''),
        length: typeof raw.length === 'number' ? raw.length : 0,
        revpos: revpos ?? 0,
        stub: true,
      };
      out[name] = stub;
    }
  }
  return out;
}

/** A Buffer carrying its content type, as PouchDB's binary attachments do in Node. */
export function typedBuffer(buffer: Buffer, contentType: unknown): Buffer & { type?: string } {
  return Object.assign(buffer, { type: typeof contentType === 'string' ? contentType : undefined });
}

/**
 * A stored document as PouchDB returns it: with `attachments`, `data` is base64, or a Buffer when
 * `binary` is asked (what the replicator does in Node); without, every entry is a stub.
 */
export function toPouchAttachments(doc: StoredDocument, binary: boolean): StoredDocument {
  const atts = doc._attachments as Record<string, Record<string, unknown>> | undefined;
  if (!atts) return doc;
  const out: Record<string, Record<string, unknown>> = {};
  for (const [name, att] of Object.entries(atts)) {
    if (typeof att.data === 'string') {
      const { length: _length, stub: _stub, ...rest } = att;
      out[name] = binary ? { ...rest, data: typedBuffer(Buffer.from(att.data, 'base64'), att.content_type) } : rest;
    } else {
      out[name] = { ...att, stub: true };
    }
  }
  return { ...doc, _attachments: out as unknown as StoredDocument['_attachments'] };
}
