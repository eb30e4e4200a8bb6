import { DocumentRefused } from './errors';
import { parseRev } from './rev-tree';
import type { AttachmentInput, DocumentInput, RevisionHistory } from './types';

/** A document given to a write, split into CouchDB's reserved fields and the body proper. */
export interface ParsedInput {
  readonly id: string;
  readonly rev: string | undefined;
  readonly deleted: boolean;
  readonly revisions: RevisionHistory | undefined;
  readonly attachments: Readonly<Record<string, AttachmentInput>> | undefined;
  /** Fields without a leading underscore, as given. */
  readonly body: Record<string, unknown>;
  /** The body's `type` when it is a string. */
  readonly type: string | null;
}

/** Fields a read returns that a write may echo back; they are ignored, not stored. */
const READ_ONLY_FIELDS = new Set(['_conflicts', '_deleted_conflicts', '_local_seq', '_revs_info']);

export const LOCAL_PREFIX = '_local/';

/**
 * CouchDB sets no limit on `_id` (`max_document_id_length` is infinity by default), so a county
 * document with a long id is legitimate. The store still takes a bound, counted in UTF-8 bytes as
 * SQLite stores the text: ids are keys of several indexes, and an id of megabytes would be copied
 * into each. 8 KiB is far beyond any id a clinic or county produces.
 */
export const MAX_ID_BYTES = 8 * 1024;

/** The id's UTF-8 length when it is over MAX_ID_BYTES, else null (a UTF-16 unit is at most 3 bytes). */
export function oversizedIdBytes(id: string): number | null {
  if (id.length * 3 <= MAX_ID_BYTES) return null;
  const bytes = Buffer.byteLength(id, 'utf8');
  return bytes > MAX_ID_BYTES ? bytes : null;
}

/**
 * Ids CouchDB reserves: only `_design/` (stored, never projected) may start with an underscore
 * besides `_local/` (handled apart). https://docs.couchdb.org/en/stable/api/document/common.html
 */
export function checkDocumentId(id: unknown): string {
  if (typeof id !== 'string' || id.length === 0) throw new DocumentRefused('bad_request', '文档缺少 _id');
  const bytes = oversizedIdBytes(id);
  if (bytes !== null) throw new DocumentRefused('bad_request', `文档 _id 过长（${bytes} 字节，本机最多 ${MAX_ID_BYTES} 字节）`);
  if (id.startsWith('_') && !id.startsWith('_design/')) {
    throw new DocumentRefused('bad_request', `文档 _id 不能以下划线开头：${id}`);
  }
  return id;
}

export function parseDocumentInput(doc: DocumentInput): ParsedInput {
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) throw new DocumentRefused('bad_request', '文档必须是一个对象');
  const id = checkDocumentId(doc._id);
  let rev: string | undefined;
  let deleted = false;
  let revisions: RevisionHistory | undefined;
  let attachments: Readonly<Record<string, AttachmentInput>> | undefined;
  const body: Record<string, unknown> = {};
  for (const key of Object.keys(doc)) {
    const value = doc[key];
    if (key.charCodeAt(0) !== 95 /* _ */) {
      if (value !== undefined) body[key] = value;
      continue;
    }
    switch (key) {
      case '_id':
        break;
      case '_rev':
        if (value === undefined) break;
        if (!parseRev(value)) throw new DocumentRefused('bad_request', `修订号格式不对：${String(value)}`);
        rev = value as string;
        break;
      case '_deleted':
        deleted = value === true;
        break;
      case '_revisions':
        if (value !== undefined) revisions = checkRevisionHistory(value);
        break;
      case '_attachments':
        if (value === undefined) break;
        if (value === null || typeof value !== 'object' || Array.isArray(value)) {
          throw new DocumentRefused('bad_request', '_attachments 必须是对象');
        }
        attachments = value as Readonly<Record<string, AttachmentInput>>;
        break;
      default:
        if (READ_ONLY_FIELDS.has(key)) break;
        throw new DocumentRefused('bad_request', `文档含有不允许的保留字段：${key}`);
    }
  }
  const type = typeof body.type === 'string' ? body.type : null;
  return { id, rev, deleted, revisions, attachments, body, type };
}

function checkRevisionHistory(value: unknown): RevisionHistory {
  const history = value as { start?: unknown; ids?: unknown };
  if (
    history === null ||
    typeof history !== 'object' ||
    typeof history.start !== 'number' ||
    !Number.isInteger(history.start) ||
    !Array.isArray(history.ids) ||
    history.ids.length === 0 ||
    history.start < history.ids.length ||
    !history.ids.every((hash) => typeof hash === 'string' && /^[0-9A-Za-z]+$/.test(hash))
  ) {
    throw new DocumentRefused('bad_request', '_revisions 格式不对');
  }
  return { start: history.start, ids: history.ids as string[] };
}
